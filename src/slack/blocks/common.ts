import type { types } from '@slack/bolt';
import type { GrantedRole } from '../../domain/roles/role-service.js';
import type { Messages } from '../../i18n/index.js';
import { escapeUserText, truncate } from '../mrkdwn.js';

export type Block = types.KnownBlock;

/** Slack refuses a section whose text passes 3000 characters. */
export const SECTION_TEXT_MAX = 3000;
/** Slack refuses a message with more than 50 blocks. */
export const MESSAGE_BLOCKS_MAX = 50;

export function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION_TEXT_MAX) } };
}

export function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SECTION_TEXT_MAX) }] };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, 150), emoji: true } };
}

/** A plain message: the text doubles as the notification fallback. */
export function buildTextMessage(text: string): { text: string; blocks: Block[] } {
  return { text, blocks: [section(text)] };
}

/** Who a refused action is for, in words: the domain's refusal names the role, never the listener. */
const neededRole = (m: Messages, refusal: { needed: GrantedRole }) =>
  refusal.needed === 'admin' ? m.roleNameAdmin : m.roleNameManager;

/** A permission refusal, worded for a reply: what the action takes. */
export const notAllowedText = (m: Messages, refusal: { needed: GrantedRole }) =>
  m.notAllowed({ needed: neededRole(m, refusal) });

/** The same refusal as a notice on top of the App Home (which also says nothing was changed). */
export const notAllowedNotice = (m: Messages, refusal: { needed: GrantedRole }) =>
  m.homeNoticeNotAllowed({ needed: neededRole(m, refusal) });

/** A permission refusal as a message. */
export function buildNotAllowed(
  m: Messages,
  refusal: { needed: GrantedRole },
): { text: string; blocks: Block[] } {
  return buildTextMessage(notAllowedText(m, refusal));
}

/**
 * A refusal that hands the user's own text back, so nothing typed is lost. The echo is in code
 * blocks: it shows exactly what was typed and no mention inside it can fire. Long text is split
 * over several sections (3000 characters each at most) rather than cut.
 */
export function buildRefusalWithText(
  m: Messages,
  problem: string,
  typed: string,
): { text: string; blocks: Block[] } {
  const blocks: Block[] = [section(problem)];
  if (typed.trim()) {
    blocks.push(context(m.yourText));
    // Escape first, then cut: escaping lengthens text (& → &amp;) and the limit is on what is sent.
    const escaped = escapeUserText(typed).replace(/```/g, "'''");
    const chunkSize = SECTION_TEXT_MAX - 6;
    for (let start = 0; start < escaped.length && blocks.length < MESSAGE_BLOCKS_MAX; start += chunkSize) {
      const echo = escaped.slice(start, start + chunkSize);
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${echo}\`\`\`` } });
    }
  }
  return { text: problem, blocks };
}
