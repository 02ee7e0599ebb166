import type { Messages } from './en.js';
import { chartsFr } from './messages/charts.fr.js';
import { coreFr } from './messages/core.fr.js';
import { digestFr } from './messages/digest.fr.js';
import { homeFr } from './messages/home.fr.js';
import { homeStandardsFr } from './messages/home-standards.fr.js';
import { mantraFr } from './messages/mantra.fr.js';
import { momentsFr } from './messages/moments.fr.js';
import { privacyFr } from './messages/privacy.fr.js';
import { pulseFr } from './messages/pulse.fr.js';
import { reactionsFr } from './messages/reactions.fr.js';
import { standardsFr } from './messages/standards.fr.js';

// French typography: a space before « : ; ! ? » and inside guillemets.
export const fr: Messages = {
  ...coreFr,
  ...digestFr,
  ...momentsFr,
  ...pulseFr,
  ...mantraFr,
  ...chartsFr,
  ...privacyFr,
  ...reactionsFr,
  ...standardsFr,
  ...homeFr,
  ...homeStandardsFr,
};
