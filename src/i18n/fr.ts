import type { Messages } from './en.js';
import { coreFr } from './messages/core.fr.js';

// French typography: a space before « : ; ! ? » and inside guillemets.
export const fr: Messages = { ...coreFr };
