import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { COMMANDS } from '../../ids.js';
import { coreCultureSubcommands, handleCulture } from './culture.js';
import { momentCultureSubcommands } from './culture-moments.js';
import { privacyCultureSubcommands } from './culture-privacy.js';
import { reactionCultureSubcommands } from './culture-reactions.js';
import { scheduleCultureSubcommands } from './culture-schedule.js';
import { standardCultureSubcommands } from './culture-standards.js';
import { handleDigest } from './digest.js';
import { handleInlineMoment } from './inline-moment.js';
import { handleMantra } from './mantra.js';
import { handleMoment } from './moment.js';
import { handlePulse } from './pulse.js';

export function registerCommands(app: App, deps: Deps) {
  app.command(
    COMMANDS.culture,
    handleCulture(deps, {
      ...coreCultureSubcommands(deps),
      ...momentCultureSubcommands(deps),
      ...scheduleCultureSubcommands(deps),
      ...privacyCultureSubcommands(deps),
      ...reactionCultureSubcommands(deps),
      ...standardCultureSubcommands(deps),
    }),
  );
  app.command(COMMANDS.praise, handleInlineMoment('praise', deps));
  app.command(COMMANDS.complaint, handleInlineMoment('complaint', deps));
  app.command(COMMANDS.moment, handleMoment(deps));
  app.command(COMMANDS.pulse, handlePulse(deps));
  app.command(COMMANDS.mantra, handleMantra(deps));
  app.command(COMMANDS.digest, handleDigest(deps));
}
