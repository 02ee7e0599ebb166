import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { COMMANDS } from '../../ids.js';
import { coreCultureSubcommands, handleCulture } from './culture.js';

export function registerCommands(app: App, deps: Deps) {
  app.command(
    COMMANDS.culture,
    handleCulture(deps, {
      ...coreCultureSubcommands(deps),
    }),
  );
}
