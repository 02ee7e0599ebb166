import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { ACTIONS, HOME_ACTIONS } from '../../ids.js';
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

export function registerActions(app: App, deps: Deps) {
  app.action({ type: 'block_actions', action_id: ACTIONS.momentAddDetails }, handleMomentAddDetails(deps));
  app.action({ type: 'block_actions', action_id: ACTIONS.momentUndo }, handleMomentUndo(deps));
  // The digest suffixes this action id with the story's position (ids must be unique in a message).
  app.action(
    { type: 'block_actions', action_id: new RegExp(`^${ACTIONS.momentAddLesson}(:\\d+)?$`) },
    handleMomentAddLesson(deps),
  );
  app.action({ type: 'block_actions', action_id: ACTIONS.momentResolve }, handleMomentResolve(deps));
  app.action({ type: 'block_actions', action_id: ACTIONS.momentManage }, handleMomentManage(deps));
  app.action({ type: 'block_actions', action_id: ACTIONS.pulseAnswer }, handlePulseAnswerOpen(deps));
  app.action({ type: 'block_actions', action_id: ACTIONS.reactionOpenForm }, handleReactionOpenForm(deps));
  app.action({ type: 'block_actions', action_id: ACTIONS.standardRestore }, handleStandardRestore(deps));
  app.action(
    { type: 'block_actions', action_id: ACTIONS.momentChooseStandards },
    handleMomentChooseStandards(deps),
  );
  // Every Home button: `home_<verb>`, with `:<n>` on the ones a list repeats.
  app.action(
    { type: 'block_actions', action_id: new RegExp(`^${HOME_ACTIONS.prefix}`) },
    handleHomeAction(deps),
  );
}
