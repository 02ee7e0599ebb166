import { type AuditEntry, SYSTEM_ACTOR } from '../../domain/privacy/audit.js';
import { isErasedId } from '../../domain/privacy/erasure-hash.js';
import { escapeUserText } from '../mrkdwn.js';
import { type Block, context, header, section } from './common.js';
import { type PulseSpeech, slackDateTime } from './pulse-common.js';

const PERSON_ID = /^[UW][A-Z0-9]+$/;

/** A person as the audit shows them: a mention, "an erased person" (never the hash), or the bot. */
function who(s: PulseSpeech, id: string): string {
  if (id === SYSTEM_ACTOR) return s.m.privacyAuditSystem;
  if (isErasedId(id)) return s.m.privacyAuditErasedPerson;
  return PERSON_ID.test(id) ? `<@${id}>` : `\`${escapeUserText(id).replace(/`/g, "'")}\``;
}

/** One line per entry, newest first: when, who, what, on whom or what, and the small facts. */
export function auditLines(s: PulseSpeech, entries: readonly AuditEntry[]): string[] {
  return entries.map((e) => {
    const facts = Object.entries(e.details)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(', ');
    const target = e.target ? who(s, e.target) : '';
    return s.m.privacyAuditLine({
      when: slackDateTime(s, e.createdAt),
      actor: who(s, e.actorId),
      action: s.m.privacyAuditActions[e.action],
      target: [target, facts ? `\`${escapeUserText(facts).replace(/`/g, "'")}\`` : '']
        .filter(Boolean)
        .join(' '),
    });
  });
}

/** `/culture audit`: the latest admin actions. */
export function buildAuditMessage(
  s: PulseSpeech,
  entries: readonly AuditEntry[],
): { text: string; blocks: Block[] } {
  if (entries.length === 0) return { text: s.m.privacyAuditEmpty, blocks: [section(s.m.privacyAuditEmpty)] };
  return {
    text: s.m.privacyAuditTitle,
    blocks: [header(s.m.privacyAuditTitle), context(auditLines(s, entries).join('\n'))],
  };
}
