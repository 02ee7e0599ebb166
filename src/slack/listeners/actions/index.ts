import type { Deps } from '../../../deps.js';
import { ACTIONS, HOME_ACTIONS } from '../../ids.js';
import type { Routes } from '../routes.js';
import { handleHomeAction } from './home.js';
import { handleMomentAddDetails } from './moment-add-details.js';
import { handleMomentAddLesson } from './moment-add-lesson.js';
import { handleMomentChooseStandards } from './moment-choose-standards.js';
import { handleMomentManage } from './moment-manage.js';
import { handleMomentResolve } from './moment-resolve.js';
import { handleMomentUndo } from './moment-undo.js';
import { handlePulseAnswerOpen } from './pulse-answer.js';
import { handleReactionOpenForm } from './reaction-open-form.js';
import { handleStandardRestore } from './standard-restore.js';

export function registerActions(routes: Routes, deps: Deps) {
  routes.action(ACTIONS.momentAddDetails, handleMomentAddDetails(deps));
  routes.action(ACTIONS.momentUndo, handleMomentUndo(deps));
  // The digest suffixes this action id with the story's position (ids must be unique in a message).
  routes.action(new RegExp(`^${ACTIONS.momentAddLesson}(:\\d+)?$`), handleMomentAddLesson(deps));
  routes.action(ACTIONS.momentResolve, handleMomentResolve(deps));
  routes.action(ACTIONS.momentManage, handleMomentManage(deps));
  routes.action(ACTIONS.pulseAnswer, handlePulseAnswerOpen(deps));
  routes.action(ACTIONS.reactionOpenForm, handleReactionOpenForm(deps));
  routes.action(ACTIONS.standardRestore, handleStandardRestore(deps));
  routes.action(ACTIONS.momentChooseStandards, handleMomentChooseStandards(deps));
  // Every Home button: `home_<verb>`, with `:<n>` on the ones a list repeats.
  routes.action(new RegExp(`^${HOME_ACTIONS.prefix}`), handleHomeAction(deps));
}
