import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { RETENTION_MONTHS, UNINSTALL_GRACE_DAYS } from '../../../domain/privacy/retention.js';
import { type Messages, messages } from '../../../i18n/index.js';
import { notAllowedNotice } from '../../blocks/common.js';
import { buildEraseModal, erasureText } from '../../blocks/home-privacy.js';
import { republishHome } from '../../home-publisher.js';
import { BLOCKS } from '../../ids.js';
import { parseEraseMetadata, parseErasePick, parseRetentionModal } from '../../parsers/privacy-command.js';
import { createPrivacyPublisher } from '../../posts/privacy.js';
import { handleHomeForm, notAllowed } from './home-forms.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Retention and grace days from the Home: field errors keep what was typed; the service decides who may. */
export const handleHomeRetention = handleHomeForm(async ({ deps, teamId, userId, m, args }) => {
  const parsed = parseRetentionModal(args.view, m);
  if (!parsed.ok) return { errors: parsed.errors };
  const { months, days } = parsed.value;
  const retention = await deps.privacy.setRetention(teamId, userId, months);
  if (!retention.ok && retention.reason === 'not_allowed') return notAllowed(m, retention);
  if (!retention.ok)
    return { errors: { [BLOCKS.privacyRetentionMonths]: m.privacyFieldInvalid(RETENTION_MONTHS) } };
  const grace = await deps.privacy.setUninstallGrace(teamId, userId, days);
  if (!grace.ok && grace.reason === 'not_allowed') return notAllowed(m, grace);
  if (!grace.ok)
    return { errors: { [BLOCKS.privacyGraceDays]: m.privacyFieldInvalid(UNINSTALL_GRACE_DAYS) } };
  return { notice: `${m.privacyRetentionSet({ months })} ${m.privacyGraceSet({ days })}` };
});

/**
 * The admins' person picker: the confirmation takes its place (Slack's `update`), so nothing
 * is erased before an admin has read what goes. A member's forged submission is refused here
 * and again when the confirmation comes back.
 */
export const handleHomeErasePick = (deps: Deps) => async (args: Args) => {
  const { ack, body, view } = args;
  const teamId = view.team_id;
  const userId = body.user.id;
  const m = messages(await deps.languages.forUser(teamId, userId));
  const target = parseErasePick(view.state.values);
  if (!target) {
    return ack({
      response_action: 'errors',
      errors: { [BLOCKS.privacyErasePerson]: m.privacyErasePickMissing },
    });
  }
  let allowed: Awaited<ReturnType<Deps['privacy']['mayErase']>>;
  try {
    allowed = await deps.privacy.mayErase(teamId, userId, target);
  } catch (err) {
    deps.logger.error({ err, teamId, userId }, 'checking an erasure from the Home failed');
    await ack();
    return republishHome(deps, { teamId, userId }, { notice: m.privacyFailed });
  }
  if (allowed.ok)
    return ack({ response_action: 'update', view: buildEraseModal(m, userId, { userId: target }) });
  await ack();
  await republishHome(deps, { teamId, userId }, notAllowed(m, allowed));
};

/**
 * The erasure confirmed: the modal closes at once (an erasure can take longer than Slack's 3 s),
 * then the data goes and the Home comes back with what was removed, in counts.
 */
export const handleHomeErase = (deps: Deps) => async (args: Args) => {
  const { ack, body, view } = args;
  await ack();
  const teamId = view.team_id;
  const userId = body.user.id;
  const m = messages(await deps.languages.forUser(teamId, userId));
  const target = parseEraseMetadata(view.private_metadata);
  let notice: string;
  try {
    notice = await erase(deps, m, teamId, userId, target);
  } catch (err) {
    deps.logger.error({ err, teamId, userId }, 'an erasure from the Home failed');
    notice = m.privacyFailed;
  }
  await republishHome(deps, { teamId, userId }, { notice });
};

/** The confirmed erasure, as the Home's notice: what was removed, or why nothing was. */
async function erase(
  deps: Deps,
  m: Messages,
  teamId: string,
  userId: string,
  target: ReturnType<typeof parseEraseMetadata>,
): Promise<string> {
  if (!target) return m.homeNoticeGone;
  // Asked first: someone not allowed learns nothing of the person, deactivated or not.
  const allowed = await deps.privacy.mayErase(teamId, userId, target.userId);
  if (!allowed.ok) return notAllowedNotice(m, allowed);
  // Offered as a deactivated person: erased by another admin, or back in Slack, meanwhile.
  if (target.deactivated && !(await deps.privacy.isDeactivated(teamId, target.userId)))
    return m.homeNoticeGone;
  const erased = await createPrivacyPublisher(deps).erase(teamId, userId, target.userId);
  return erased.ok ? erasureText(m, userId, target.userId, erased.value) : notAllowedNotice(m, erased);
}
