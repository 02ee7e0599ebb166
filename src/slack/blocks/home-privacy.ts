import type { types } from '@slack/bolt';
import type { HomeData } from '../../domain/home/home-service.js';
import type { ErasureReport } from '../../domain/privacy/privacy-service.js';
import { RETENTION_MONTHS, UNINSTALL_GRACE_DAYS } from '../../domain/privacy/retention.js';
import type { WorkspaceSettings } from '../../domain/workspace/workspace-service.js';
import type { Locale, Messages } from '../../i18n/index.js';
import { BLOCKS, HOME_ACTIONS, VIEWS } from '../ids.js';
import { mentionUser } from '../mrkdwn.js';
import { auditLines } from './audit.js';
import { type Block, context, header, section } from './common.js';
import { homeButton, type Ids, item } from './home-common.js';
import { input, modal } from './home-modals.js';
import { pulseSpeech } from './pulse-common.js';

/**
 * Privacy on the Home. Everyone: take a copy of their data, or erase it. Admins also: the
 * retention settings, the erasure of anyone, the people Slack reported deactivated, and the
 * latest audit entries. At most 3 + 12 blocks, whatever the workspace's size.
 */
export function buildPrivacySection(m: Messages, locale: Locale, data: HomeData, ids: Ids): Block[] {
  const blocks: Block[] = [
    header(m.privacyHomeTitle),
    section(m.privacyHomeIntro),
    {
      type: 'actions',
      elements: [
        homeButton(m.privacyHomeExport, HOME_ACTIONS.exportMine, 'export'),
        homeButton(m.privacyHomeErase, HOME_ACTIONS.eraseMine, 'erase', { style: 'danger' }),
      ],
    },
  ];
  const privacy = data.privacy;
  if (!privacy) return blocks;

  const { settings, timezone } = data.workspace;
  blocks.push(
    header(m.privacyHomeAdminTitle),
    item(
      m.privacyRetentionShow({ months: settings.retentionMonths, days: settings.uninstallGraceDays }),
      homeButton(m.privacyHomeChange, HOME_ACTIONS.retention, 'retention'),
    ),
    item(
      m.privacyHomeEraseSomeoneIntro,
      homeButton(m.privacyHomeEraseSomeone, HOME_ACTIONS.eraseSomeone, 'erase', { style: 'danger' }),
    ),
  );
  if (privacy.deactivated.length > 0) {
    blocks.push(section(m.privacyHomeDeactivatedIntro));
    for (const person of privacy.deactivated) {
      blocks.push(
        item(
          mentionUser(person.userId),
          homeButton(m.privacyHomeEraseThem, ids.next(HOME_ACTIONS.eraseDeactivated), person.userId, {
            style: 'danger',
          }),
        ),
      );
    }
    const more = privacy.deactivatedTotal - privacy.deactivated.length;
    if (more > 0) blocks.push(context(m.privacyHomeDeactivatedMore({ count: more })));
  }
  blocks.push(section(`*${m.privacyAuditTitle}*`));
  blocks.push(
    context(
      privacy.audit.length === 0
        ? m.privacyAuditEmpty
        : auditLines(pulseSpeech(locale, timezone), privacy.audit).join('\n'),
    ),
  );
  return blocks;
}

/** Whose data an erasure modal is about, carried in its private_metadata (re-checked on submit). */
export interface EraseTarget {
  userId: string;
  /** Opened from the deactivated people: erased meanwhile (or back) means nothing to do. */
  deactivated?: boolean;
}

/** The confirmation before an erasure: what goes for good, what stays. Nothing is erased without it. */
export function buildEraseModal(m: Messages, actorId: string, target: EraseTarget): types.ModalView {
  const what =
    target.userId === actorId ? m.privacyEraseModalSelf : m.privacyEraseModalOther({ user: target.userId });
  return modal(
    m,
    VIEWS.homeErase,
    m.privacyEraseModalTitle,
    { home: true, erase: target.userId, ...(target.deactivated ? { deactivated: true } : {}) },
    [section(what), context(m.privacyEraseModalKept)],
    m.privacyEraseModalSubmit,
  );
}

/** The admins' erasure of anyone: a person picker, then the confirmation. */
export function buildErasePickModal(m: Messages): types.ModalView {
  return modal(
    m,
    VIEWS.homeErasePick,
    m.privacyErasePickTitle,
    { home: true },
    [
      input(m.privacyErasePickLabel, BLOCKS.privacyErasePerson, {
        type: 'users_select',
        action_id: BLOCKS.privacyErasePerson,
      }),
    ],
    m.privacyErasePickNext,
  );
}

/**
 * Retention and the uninstall grace period. Plain text fields rather than number inputs, so a
 * wrong value reaches the server's check, which answers under the field and keeps the text.
 */
export function buildRetentionModal(
  m: Messages,
  settings: Pick<WorkspaceSettings, 'retentionMonths' | 'uninstallGraceDays'>,
): types.ModalView {
  const field = (blockId: string, label: string, hint: string, value: number) =>
    input(
      label,
      blockId,
      { type: 'plain_text_input', action_id: blockId, initial_value: String(value), max_length: 4 },
      { hint },
    );
  return modal(
    m,
    VIEWS.homeRetention,
    m.privacyRetentionModalTitle,
    { home: true },
    [
      field(
        BLOCKS.privacyRetentionMonths,
        m.privacyRetentionMonthsLabel,
        m.privacyRetentionMonthsHint(RETENTION_MONTHS),
        settings.retentionMonths,
      ),
      field(
        BLOCKS.privacyGraceDays,
        m.privacyGraceDaysLabel,
        m.privacyGraceDaysHint(UNINSTALL_GRACE_DAYS),
        settings.uninstallGraceDays,
      ),
    ],
    m.privacyRetentionModalSubmit,
  );
}

/** What an erasure removed, in words: to the person themselves, or to the admin who erased someone. */
export function erasureText(m: Messages, actorId: string, targetId: string, report: ErasureReport): string {
  const counts = {
    stories: report.storiesDeleted,
    names: report.namesRemoved,
    roles: report.rolesRemoved,
    pulses: report.pulseParticipations,
    answers: report.namedAnswersDeleted,
  };
  return targetId === actorId ? m.privacySelfErased(counts) : m.privacyErased({ user: targetId, ...counts });
}
