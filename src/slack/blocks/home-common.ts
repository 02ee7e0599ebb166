import type { types } from '@slack/bolt';
import type { HomeList, Page } from '../../domain/home/home-service.js';
import type { Messages } from '../../i18n/index.js';
import { HOME_ACTIONS } from '../ids.js';
import { escapeUserText, quote, truncate } from '../mrkdwn.js';
import { type Block, section } from './common.js';
import { plain } from './moments.js';

/**
 * Pieces the Home's sections share. Every interactive element gets a unique action_id
 * (`verb:n`, see HOME_ACTIONS), numbered by the `Ids` counter of the one view being built.
 */
export interface Ids {
  next(verb: string): string;
}

export function createIds(): Ids {
  let n = 0;
  return { next: (verb) => `${verb}:${n++}` };
}

export interface Confirm {
  title: string;
  text: string;
  yes: string;
  no: string;
}

export function confirmOf(m: Messages, text: string): Confirm {
  return { title: m.homeAreYouSure, text, yes: m.homeConfirm, no: m.homeCancel };
}

export function homeButton(
  text: string,
  actionId: string,
  value: string,
  options: { style?: 'primary' | 'danger'; confirm?: Confirm } = {},
): types.Button {
  return {
    type: 'button',
    text: plain(text),
    action_id: actionId,
    value,
    ...(options.style ? { style: options.style } : {}),
    ...(options.confirm
      ? {
          confirm: {
            title: plain(options.confirm.title),
            text: { type: 'plain_text', text: options.confirm.text },
            confirm: plain(options.confirm.yes),
            deny: plain(options.confirm.no),
            ...(options.style === 'danger' ? { style: 'danger' as const } : {}),
          },
        }
      : {}),
  };
}

export function overflow(actionId: string, choices: { text: string; value: string }[]): types.Overflow {
  return {
    type: 'overflow',
    action_id: actionId,
    options: choices.map((c) => ({ text: plain(c.text), value: c.value })),
  };
}

/** A list item: its text, and at most one element (a button or an overflow menu) beside it. */
export function item(text: string, accessory?: types.Button | types.Overflow): types.SectionBlock {
  const block = section(text);
  return accessory ? { ...block, accessory } : block;
}

/** A story as one short quote line: escaped, cut, never a live broadcast. */
export function storyLine(story: string, max = 240): string {
  return quote(truncate(escapeUserText(story.replace(/\s+/g, ' ').trim()), max));
}

/** "See more" / "Back to the newest" under a list with more than one page. */
export function paging(m: Messages, ids: Ids, list: HomeList, page: Page<unknown>): Block[] {
  const pages = Math.ceil(page.total / page.pageSize);
  if (pages <= 1) return [];
  const buttons: types.Button[] = [];
  if (page.page + 1 < pages)
    buttons.push(homeButton(m.homeSeeMore, ids.next(HOME_ACTIONS.page), `${list}:${page.page + 1}`));
  if (page.page > 0) buttons.push(homeButton(m.homeBackToNewest, ids.next(HOME_ACTIONS.page), `${list}:0`));
  return [{ type: 'actions', elements: buttons }];
}

/** `+5` / `−3` / `0`: the sign says which way the account moved. */
export function signed(value: number): string {
  if (value > 0) return `+${value}`;
  if (value < 0) return `−${Math.abs(value)}`;
  return '0';
}
