import type { types } from '@slack/bolt';
import type { HomeData, HomePages } from '../../domain/home/home-service.js';
import type { Locale, Messages } from '../../i18n/index.js';
import { type Block, section } from './common.js';
import { buildAdminSection } from './home-admin.js';
import { createIds } from './home-common.js';
import { buildEveryoneSection } from './home-everyone.js';
import { buildManagerSection } from './home-manager.js';
import { buildPrivacySection } from './home-privacy.js';
import { buildHomeReactionsSection } from './home-reactions.js';
import { buildHomeStandardsSection } from './home-standards.js';

/** Slack refuses a view of more than 100 blocks. */
export const VIEW_BLOCKS_MAX = 100;

/** What the Home remembers between two publishes: the page each list is on (in private_metadata). */
export interface HomeViewState {
  pages: HomePages;
}

/**
 * One person's Home tab: a notice about what they just did (when they did something), then the
 * sections their role sees, each built on its own (add a section: one builder, one line here).
 * Lists page, so the busiest workspace stays under the 100-block limit.
 */
export function buildHome(
  m: Messages,
  locale: Locale,
  data: HomeData,
  options: { notice?: string | undefined; state: HomeViewState; chart?: types.ImageBlock | undefined },
): types.HomeView {
  const ids = createIds();
  const zone = data.workspace.timezone;
  const sections: Block[][] = [
    options.notice ? [section(`:information_source: ${options.notice}`)] : [],
    buildEveryoneSection(m, locale, data, ids),
    options.chart ? [options.chart] : [],
    data.manager ? buildManagerSection(m, locale, data.manager, zone, ids) : [],
    data.admin ? buildAdminSection(m, locale, data.admin, data.workspace, ids) : [],
    data.admin ? buildHomeStandardsSection(m, data.admin.standards, ids) : [],
    data.admin ? buildHomeReactionsSection(m, data.workspace.settings.reactionEmoji) : [],
    buildPrivacySection(m, locale, data, ids),
  ];
  return {
    type: 'home',
    private_metadata: JSON.stringify(options.state),
    blocks: sections.flat(),
  };
}
