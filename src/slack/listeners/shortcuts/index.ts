import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { SHORTCUTS } from '../../ids.js';
import { handleLogMoment } from './log-moment.js';

export function registerShortcuts(app: App, deps: Deps) {
  app.shortcut({ type: 'message_action', callback_id: SHORTCUTS.logMoment }, handleLogMoment(deps));
}
