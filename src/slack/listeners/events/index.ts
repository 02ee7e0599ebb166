import type { Deps } from '../../../deps.js';
import { EVENTS } from '../../ids.js';
import type { Routes } from '../routes.js';
import { handleAppHomeOpened } from './app-home-opened.js';
import { handleAppUninstalled } from './app-uninstalled.js';
import { handleReactionAdded } from './reaction-added.js';
import { handleReactionRemoved } from './reaction-removed.js';
import { handleUserChange } from './user-change.js';

export function registerEvents(routes: Routes, deps: Deps) {
  routes.event(EVENTS.appUninstalled, handleAppUninstalled(deps));
  routes.event(EVENTS.tokensRevoked, handleAppUninstalled(deps));
  routes.event(EVENTS.userChange, handleUserChange(deps));
  routes.event(EVENTS.reactionAdded, handleReactionAdded(deps));
  routes.event(EVENTS.reactionRemoved, handleReactionRemoved(deps));
  routes.event(EVENTS.appHomeOpened, handleAppHomeOpened(deps));
}
