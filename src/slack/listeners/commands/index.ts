import type { Deps } from '../../../deps.js';
import { COMMANDS } from '../../ids.js';
import type { Routes } from '../routes.js';
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

export function registerCommands(routes: Routes, deps: Deps) {
  routes.command(
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
  routes.command(COMMANDS.praise, handleInlineMoment('praise', deps));
  routes.command(COMMANDS.complaint, handleInlineMoment('complaint', deps));
  routes.command(COMMANDS.moment, handleMoment(deps));
  routes.command(COMMANDS.pulse, handlePulse(deps));
  routes.command(COMMANDS.mantra, handleMantra(deps));
  routes.command(COMMANDS.digest, handleDigest(deps));
}
