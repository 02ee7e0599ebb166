import type { Deps } from '../../../deps.js';
import { VIEWS } from '../../ids.js';
import type { Routes } from '../routes.js';
import { handleHomeLine, handleHomeRole, handleHomeSchedule, handleHomeSettings } from './home-forms.js';
import { handleHomeErase, handleHomeErasePick, handleHomeRetention } from './home-privacy.js';
import { handleHomeReactions, handleHomeStandard } from './home-standards.js';
import { handleMomentLesson } from './moment-lesson.js';
import { handleMomentModal } from './moment-modal.js';
import { handlePulseAnswerSubmit } from './pulse-answer.js';

export function registerViews(routes: Routes, deps: Deps) {
  routes.view(VIEWS.momentModal, handleMomentModal(deps));
  routes.view(VIEWS.momentLesson, handleMomentLesson(deps));
  routes.view(VIEWS.pulseAnswer, handlePulseAnswerSubmit(deps));
  routes.view(VIEWS.homeLine, handleHomeLine(deps));
  routes.view(VIEWS.homeSchedule, handleHomeSchedule(deps));
  routes.view(VIEWS.homeRole, handleHomeRole(deps));
  routes.view(VIEWS.homeSettings, handleHomeSettings(deps));
  routes.view(VIEWS.homeStandard, handleHomeStandard(deps));
  routes.view(VIEWS.homeReactions, handleHomeReactions(deps));
  routes.view(VIEWS.homeRetention, handleHomeRetention(deps));
  routes.view(VIEWS.homeErasePick, handleHomeErasePick(deps));
  routes.view(VIEWS.homeErase, handleHomeErase(deps));
}
