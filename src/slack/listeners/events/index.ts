import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { EVENTS } from '../../ids.js';
import { handleAppHomeOpened } from './app-home-opened.js';
import { handleAppUninstalled } from './app-uninstalled.js';
import { handleReactionAdded } from './reaction-added.js';
import { handleReactionRemoved } from './reaction-removed.js';
import { handleUserChange } from './user-change.js';

export function registerEvents(app: App, deps: Deps) {
  app.event(EVENTS.appUninstalled, handleAppUninstalled(deps));
  app.event(EVENTS.tokensRevoked, handleAppUninstalled(deps));
  app.event(EVENTS.userChange, handleUserChange(deps));
  app.event(EVENTS.reactionAdded, handleReactionAdded(deps));
  app.event(EVENTS.reactionRemoved, handleReactionRemoved(deps));
  app.event(EVENTS.appHomeOpened, handleAppHomeOpened(deps));
}
