import type { Deps } from '../../../deps.js';
import { SHORTCUTS } from '../../ids.js';
import type { Routes } from '../routes.js';
import { handleLogMoment } from './log-moment.js';

export function registerShortcuts(routes: Routes, deps: Deps) {
  routes.messageShortcut(SHORTCUTS.logMoment, handleLogMoment(deps));
}
