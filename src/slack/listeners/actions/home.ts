import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { z } from 'zod';
import type { Deps } from '../../../deps.js';
import type { HomeForm } from '../../../domain/home/home-service.js';
import { momentRules } from '../../../domain/moments/moment-service.js';
import { type Messages, messages } from '../../../i18n/index.js';
import { notAllowedNotice } from '../../blocks/common.js';
import type { HomeViewState } from '../../blocks/home.js';
import {
  buildLineModal,
  buildRoleModal,
  buildScheduleModal,
  buildSettingsModal,
} from '../../blocks/home-modals.js';
import { buildEraseModal, buildErasePickModal, buildRetentionModal } from '../../blocks/home-privacy.js';
import { buildReactionsModal } from '../../blocks/home-reactions.js';
import { buildStandardModal } from '../../blocks/home-standards.js';
import { buildLessonModal, buildMomentModal } from '../../blocks/moments.js';
import { republishHome } from '../../home-publisher.js';
import { HOME_ACTIONS } from '../../ids.js';
import { homeValues, parseHomeState } from '../../parsers/home.js';
import { standardValues } from '../../parsers/home-standards.js';
import { createMomentPublisher } from '../../posts/moment.js';
import { createPrivacyPublisher } from '../../posts/privacy.js';
import { createPulsePublisher } from '../../posts/pulse.js';
import { handlePulseAnswerOpen } from './pulse-answer.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

interface HomeClick {
  deps: Deps;
  args: Args;
  teamId: string;
  userId: string;
  m: Messages;
  value: string | undefined;
  state: HomeViewState;
  open(view: Parameters<Args['client']['views']['open']>[0]['view']): Promise<undefined>;
}

/**
 * What a click leads to: a notice and the Home republished (a string, possibly empty), or
 * nothing more (undefined: a modal was opened, its submission republishes).
 */
type Verb = (click: HomeClick) => Promise<string | undefined>;

/** Metadata of the moment and lesson modals opened from the Home: their submission republishes it. */
const fromHome = (momentId?: string) =>
  JSON.stringify({ source: 'modal', home: true, ...(momentId ? { momentId } : {}) });

function parse<T extends z.ZodTypeAny>(schema: T, value: string | undefined): z.infer<T> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Opens one of the Home's forms that change the workspace, when the domain says this person may
 * (`HOME_FORMS`); anyone else (a forged payload) is told the role it takes, and nothing opens.
 * `build` gives the form, or a notice when what it would change is gone.
 */
const adminForm =
  (form: HomeForm, build: (click: HomeClick) => Promise<Parameters<HomeClick['open']>[0] | string>): Verb =>
  async (click) => {
    const allowed = await click.deps.home.mayOpen(click.teamId, click.userId, form);
    if (!allowed.ok) return notAllowedNotice(click.m, allowed);
    const built = await build(click);
    return typeof built === 'string' ? built : click.open(built);
  };

const verbs: Record<string, Verb> = {
  [HOME_ACTIONS.logMoment]: async ({ deps, teamId, m, open }) =>
    open(buildMomentModal(m, {}, fromHome(), false, await deps.standards.all(teamId))),
  [HOME_ACTIONS.praise]: async ({ deps, teamId, m, open }) =>
    open(buildMomentModal(m, { kind: 'praise' }, fromHome(), false, await deps.standards.all(teamId))),

  [HOME_ACTIONS.page]: async (click) => {
    const target = parse(homeValues.page, click.value);
    if (target) click.state.pages[target.list] = target.page;
    return '';
  },

  [HOME_ACTIONS.moment]: async ({ deps, teamId, userId, m, value, open }) => {
    const choice = parse(homeValues.moment, value);
    if (!choice) return m.homeNoticeGone;
    if (choice.verb === 'edit') {
      const moment = await deps.moments.get(teamId, choice.id);
      if (!moment) return m.homeNoticeGone;
      if (!momentRules.canEdit(moment, userId)) return m.momentsNotAllowedEdit;
      return open(buildMomentModal(m, moment, fromHome(moment.id), true, await deps.standards.all(teamId)));
    }
    const removed = await deps.moments.remove(teamId, userId, choice.id);
    if (!removed.ok) return removed.problem === 'not_allowed' ? m.momentsNotAllowedDelete : m.homeNoticeGone;
    await createMomentPublisher(deps).retract(removed.value);
    return m.homeNoticeDeleted;
  },

  [HOME_ACTIONS.followUp]: async ({ deps, teamId, userId, m, value, open }) => {
    const choice = parse(homeValues.followUp, value);
    if (!choice) return m.homeNoticeGone;
    if (choice.verb === 'resolve') {
      const result = await deps.moments.followUp(teamId, userId, choice.id, { resolve: true }, deps.clock());
      if (result.ok) return m.homeNoticeResolved;
      return result.problem === 'not_allowed' ? m.momentsNotAllowedFollowUp : m.homeNoticeGone;
    }
    const moment = await deps.moments.get(teamId, choice.id);
    if (moment?.kind !== 'complaint') return m.homeNoticeGone;
    if (!(await deps.moments.mayFollowUp(teamId, userId, moment))) return m.momentsNotAllowedFollowUp;
    return open(buildLessonModal(m, moment, fromHome(moment.id)));
  },

  // The pulse's own Answer flow, which opens its modal (or says why not) without a reply of its own.
  [HOME_ACTIONS.answer]: async ({ deps, args }) => {
    await handlePulseAnswerOpen(deps)({ ...args, ack: async () => {} });
    return undefined;
  },

  [HOME_ACTIONS.closePulse]: async ({ deps, teamId, userId, m, value }) => {
    const pulseId = parse(homeValues.pulseId, value);
    if (!pulseId) return m.homeNoticeGone;
    const closed = await deps.settings.closePulse(teamId, userId, pulseId, deps.clock());
    if (!closed.ok) return closed.reason === 'not_allowed' ? notAllowedNotice(m, closed) : m.homeNoticeGone;
    try {
      await createPulsePublisher(deps).publishResults(closed.value);
      return m.homeNoticePulseClosed;
    } catch (err) {
      // The claim stays: the deadline job posts the results on its next passes.
      deps.logger.error({ err, teamId, pulseId }, 'posting pulse results from the Home failed');
      return m.homeNoticePulseResultsLater;
    }
  },

  [HOME_ACTIONS.lineAdd]: adminForm('visionLine', async ({ m }) => buildLineModal(m)),
  [HOME_ACTIONS.line]: async (click) => {
    const { deps, teamId, userId, m, value } = click;
    const choice = parse(homeValues.line, value);
    if (!choice) return m.homeNoticeGone;
    if (choice.verb === 'remove') {
      const removed = await deps.settings.removeLine(teamId, userId, choice.id);
      if (removed.ok) return m.homeNoticeDeleted;
      if (removed.reason === 'not_allowed') return notAllowedNotice(m, removed);
      return removed.reason === 'last_line' ? m.homeNoticeLastLine : m.homeNoticeGone;
    }
    return adminForm('visionLine', async () => {
      const lines = await deps.mantras.lines(
        teamId,
        messages(await deps.languages.forWorkspace(teamId)).mantraDefaultLine,
      );
      const line = lines.find((l) => l.id === choice.id);
      return buildLineModal(
        m,
        line ? { id: line.id, text: line.isDefault ? m.mantraDefaultLine : line.text } : undefined,
      );
    })(click);
  },

  [HOME_ACTIONS.scheduleAdd]: adminForm('schedule', async ({ deps, teamId, m }) =>
    buildScheduleModal(m, (await deps.workspaces.get(teamId)).timezone),
  ),
  [HOME_ACTIONS.scheduleRemove]: async ({ deps, teamId, userId, m, value }) => {
    const id = parse(homeValues.scheduleId, value);
    if (id === undefined) return m.homeNoticeGone;
    const removed = await deps.settings.removeSchedule(teamId, userId, id);
    if (removed.ok) return m.homeNoticeScheduleRemoved;
    return removed.reason === 'not_allowed' ? notAllowedNotice(m, removed) : m.homeNoticeGone;
  },

  [HOME_ACTIONS.roleGrant]: adminForm('roleGrant', async ({ m }) => buildRoleModal(m)),
  [HOME_ACTIONS.roleRevoke]: async ({ deps, teamId, userId, m, value }) => {
    const target = parse(homeValues.userId, value);
    if (!target) return m.homeNoticeGone;
    const result = await deps.settings.setRole(teamId, userId, target, 'member');
    if (!result.ok) return result.reason === 'not_allowed' ? notAllowedNotice(m, result) : m.homeNoticeGone;
    return result.value.effective === 'admin'
      ? m.homeNoticeSlackAdmin({ user: target })
      : m.homeNoticeRoleRevoked({ user: target });
  },

  [HOME_ACTIONS.settings]: adminForm('settings', async ({ deps, teamId, m }) =>
    buildSettingsModal(m, await deps.workspaces.get(teamId)),
  ),

  // Standards: the standards service decides, as for `/culture standard …`.
  [HOME_ACTIONS.standardAdd]: adminForm('standard', async ({ m }) =>
    buildStandardModal(m, { action: 'add' }),
  ),
  [HOME_ACTIONS.standard]: async (click) => {
    const { deps, teamId, userId, m, value } = click;
    const choice = parse(standardValues.standard, value);
    if (!choice) return m.homeNoticeGone;
    if (choice.verb === 'archive') {
      const archived = await deps.standards.archive(teamId, userId, choice.tag, deps.clock());
      if (archived.ok) return m.homeStandardArchived({ tag: archived.value.tag });
      return archived.reason === 'not_allowed' ? notAllowedNotice(m, archived) : m.homeNoticeGone;
    }
    return adminForm('standard', async () => {
      const active = await deps.standards.active(teamId);
      const standard = active.find((s) => s.tag === choice.tag);
      if (!standard) return m.homeNoticeGone;
      return choice.verb === 'edit'
        ? buildStandardModal(m, { action: 'edit', standard })
        : buildStandardModal(m, { action: 'move', standard, count: active.length });
    })(click);
  },
  [HOME_ACTIONS.standardRestore]: async ({ deps, teamId, userId, m, value }) => {
    const tag = parse(standardValues.tag, value);
    if (!tag) return m.homeNoticeGone;
    const restored = await deps.standards.restore(teamId, userId, tag, deps.clock());
    if (restored.ok)
      return m.standardRestored({ tag: restored.value.tag, position: restored.value.position });
    if (restored.reason === 'not_allowed') return notAllowedNotice(m, restored);
    return restored.reason === 'too_many' ? m.homeStandardTooMany({ max: restored.max }) : m.homeNoticeGone;
  },

  [HOME_ACTIONS.reactions]: adminForm('reactions', async ({ deps, teamId, m }) =>
    buildReactionsModal(m, await deps.reactionSettings.get(teamId)),
  ),

  // Privacy: the files go to the person's DM; the Home says so.
  [HOME_ACTIONS.exportMine]: async ({ deps, teamId, userId, m }) => {
    const locale = await deps.languages.forUser(teamId, userId);
    await createPrivacyPublisher(deps).sendPersonExport(teamId, userId, locale);
    return m.privacyMyExportSent;
  },
  // Erasures open a confirmation; its submission erases (views/home-privacy.ts).
  [HOME_ACTIONS.eraseMine]: async ({ userId, m, open }) => open(buildEraseModal(m, userId, { userId })),
  [HOME_ACTIONS.eraseSomeone]: adminForm('eraseSomeone', async ({ m }) => buildErasePickModal(m)),
  [HOME_ACTIONS.eraseDeactivated]: async ({ deps, teamId, userId, m, value, open }) => {
    const target = parse(homeValues.userId, value);
    if (!target) return m.homeNoticeGone;
    const allowed = await deps.privacy.mayErase(teamId, userId, target);
    if (!allowed.ok) return notAllowedNotice(m, allowed);
    // Erased by another admin, or back in Slack, since this Home was published.
    if (!(await deps.privacy.isDeactivated(teamId, target))) return m.homeNoticeGone;
    return open(buildEraseModal(m, userId, { userId: target, deactivated: true }));
  },
  [HOME_ACTIONS.retention]: adminForm('retention', async ({ deps, teamId, m }) =>
    buildRetentionModal(m, (await deps.workspaces.get(teamId)).settings),
  ),
};

/**
 * Every button and menu of the Home (action ids `home_…`). The Home has no response_url: what
 * happened is told by republishing the tab with a notice on top. Each verb goes through the
 * domain service that owns the change, whose permission rule decides, so a forged payload from
 * a member changes nothing and is told so.
 */
export const handleHomeAction = (deps: Deps) => async (args: Args) => {
  await args.ack();
  const { body } = args;
  const action = body.actions[0];
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  const userId = body.user.id;
  const m = messages(await deps.languages.forUser(teamId, userId));
  const verb = action?.action_id.split(':')[0] ?? '';
  const value =
    action?.type === 'button'
      ? action.value
      : action?.type === 'overflow' || action?.type === 'static_select'
        ? action.selected_option.value
        : undefined;
  const state = parseHomeState(body.view?.private_metadata);
  const click: HomeClick = {
    deps,
    args,
    teamId,
    userId,
    m,
    value,
    state,
    open: async (view) => {
      await args.client.views.open({ trigger_id: body.trigger_id, view });
      return undefined;
    },
  };
  let notice: string | undefined;
  try {
    notice = await (verbs[verb] ?? (async () => m.homeNoticeGone))(click);
  } catch (err) {
    deps.logger.error({ err, teamId, userId, verb }, 'a Home action failed');
    notice = m.homeNoticeFailed;
  }
  if (notice === undefined) return;
  await republishHome(deps, { teamId, userId }, { notice: notice || undefined, state });
};
