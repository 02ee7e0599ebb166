import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { VIEWS } from '../../ids.js';
import { handleHomeLine, handleHomeRole, handleHomeSchedule, handleHomeSettings } from './home-forms.js';
import { handleHomeErase, handleHomeErasePick, handleHomeRetention } from './home-privacy.js';
import { handleHomeReactions, handleHomeStandard } from './home-standards.js';
import { handleMomentLesson } from './moment-lesson.js';
import { handleMomentModal } from './moment-modal.js';
import { handlePulseAnswerSubmit } from './pulse-answer.js';

export function registerViews(app: App, deps: Deps) {
  app.view({ type: 'view_submission', callback_id: VIEWS.momentModal }, handleMomentModal(deps));
  app.view({ type: 'view_submission', callback_id: VIEWS.momentLesson }, handleMomentLesson(deps));
  app.view({ type: 'view_submission', callback_id: VIEWS.pulseAnswer }, handlePulseAnswerSubmit(deps));
  app.view({ type: 'view_submission', callback_id: VIEWS.homeLine }, handleHomeLine(deps));
  app.view({ type: 'view_submission', callback_id: VIEWS.homeSchedule }, handleHomeSchedule(deps));
  app.view({ type: 'view_submission', callback_id: VIEWS.homeRole }, handleHomeRole(deps));
  app.view({ type: 'view_submission', callback_id: VIEWS.homeSettings }, handleHomeSettings(deps));
  app.view({ type: 'view_submission', callback_id: VIEWS.homeStandard }, handleHomeStandard(deps));
  app.view({ type: 'view_submission', callback_id: VIEWS.homeReactions }, handleHomeReactions(deps));
  app.view({ type: 'view_submission', callback_id: VIEWS.homeRetention }, handleHomeRetention(deps));
  app.view({ type: 'view_submission', callback_id: VIEWS.homeErasePick }, handleHomeErasePick(deps));
  app.view({ type: 'view_submission', callback_id: VIEWS.homeErase }, handleHomeErase(deps));
}
