import type { Moment } from '../../domain/moments/moment.js';
import type { Messages } from '../../i18n/index.js';
import { ACTIONS } from '../ids.js';
import { type Block, context, section } from './common.js';
import { button, momentFacts, storyQuote } from './moments.js';

/** The reminder DM to a complaint's follow-up owner: what is missing, and the two buttons that finish it. */
export function buildFollowUpReminder(m: Messages, moment: Moment, round: 1 | 2) {
  const missing =
    moment.lesson === null && moment.status !== 'resolved'
      ? m.followUpMissingBoth
      : moment.lesson === null
        ? m.followUpMissingLesson
        : m.followUpMissingResolution;
  const text = round === 1 ? m.followUpReminder({ author: moment.authorId }) : m.followUpSecondReminder;
  const blocks: Block[] = [
    section(`${text}\n${missing}`),
    section(storyQuote(moment.story)),
    context(momentFacts(m, moment)),
  ];
  if (moment.permalink) blocks.push(context(`<${moment.permalink}|${m.momentsSource}>`));
  const buttons = [];
  if (moment.lesson === null)
    buttons.push(button(m.momentsAddLesson, ACTIONS.momentAddLesson, moment.id, 'primary'));
  if (moment.status !== 'resolved')
    buttons.push(button(m.momentsMarkResolved, ACTIONS.momentResolve, moment.id));
  blocks.push({ type: 'actions', elements: buttons });
  blocks.push(context(round === 1 ? m.followUpNextReminder : m.followUpLastReminder));
  return { text, blocks };
}
