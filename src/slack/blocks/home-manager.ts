import type { HomeData } from '../../domain/home/home-service.js';
import type { Locale, Messages } from '../../i18n/index.js';
import { HOME_ACTIONS } from '../ids.js';
import { type Block, context, header, section } from './common.js';
import { confirmOf, homeButton, type Ids, item, paging } from './home-common.js';
import { followUpItem } from './home-everyone.js';
import { formatFireTime } from './schedules.js';

/** For managers (and admins): complaints waiting for their follow-up, and the open pulses. */
export function buildManagerSection(
  m: Messages,
  locale: Locale,
  manager: NonNullable<HomeData['manager']>,
  zone: string,
  ids: Ids,
): Block[] {
  const blocks: Block[] = [header(m.homeManagerTitle)];
  blocks.push(section(m.homeComplaintsTitle({ total: manager.complaints.total })));
  if (manager.complaints.total === 0) blocks.push(context(m.homeComplaintsNone));
  for (const moment of manager.complaints.items) blocks.push(followUpItem(m, ids, moment, true));
  blocks.push(...paging(m, ids, 'complaints', manager.complaints));

  blocks.push(section(m.homeManagerPulsesTitle));
  if (manager.pulses.length === 0) blocks.push(context(m.homeManagerPulsesNone));
  for (const pulse of manager.pulses.slice(0, 5)) {
    blocks.push(
      item(
        m.homeManagerPulseLine({
          channel: pulse.channelId,
          answers: pulse.answers,
          when: formatFireTime(locale, pulse.closesAt, zone),
        }),
        homeButton(m.homeClosePulse, ids.next(HOME_ACTIONS.closePulse), pulse.id, {
          confirm: confirmOf(m, m.homeClosePulseConfirm),
        }),
      ),
    );
  }
  return blocks;
}
