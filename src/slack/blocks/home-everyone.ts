import type { HomeData, MomentSummary } from '../../domain/home/home-service.js';
import type { Locale, Messages } from '../../i18n/index.js';
import { HOME_ACTIONS } from '../ids.js';
import { escapeUserText } from '../mrkdwn.js';
import { type Block, context, header, section } from './common.js';
import { homeButton, type Ids, item, overflow, paging, signed, storyLine } from './home-common.js';
import { formatFireTime } from './schedules.js';

/** What a complaint still lacks: no lesson, not resolved, or both. */
function missing(m: Messages, moment: MomentSummary): string {
  const parts = [];
  if (moment.lesson === null) parts.push(m.homeMissingLesson);
  if (moment.status !== 'resolved') parts.push(m.homeMissingResolution);
  return parts.join(' · ');
}

/** A complaint to follow up, with the one or two steps that finish it. */
export function followUpItem(m: Messages, ids: Ids, moment: MomentSummary, showOwner: boolean): Block {
  const facts = [missing(m, moment)];
  if (showOwner && moment.followUpUserId) facts.push(m.homeFollowUpOwner({ owner: moment.followUpUserId }));
  const text = `${storyLine(moment.story)}\n${facts.join(' · ')}`;
  const steps = [
    ...(moment.lesson === null ? [{ text: m.momentsAddLesson, value: `lesson:${moment.id}` }] : []),
    ...(moment.status !== 'resolved' ? [{ text: m.momentsMarkResolved, value: `resolve:${moment.id}` }] : []),
  ];
  const actionId = ids.next(HOME_ACTIONS.followUp);
  const [only] = steps;
  if (steps.length === 1 && only) return item(text, homeButton(only.text, actionId, only.value));
  return item(text, overflow(actionId, steps));
}

/** For everyone: the vision, the two quick actions, my recognition, my moments, follow-ups, pulses, the team. */
export function buildEveryoneSection(m: Messages, locale: Locale, data: HomeData, ids: Ids): Block[] {
  const zone = data.workspace.timezone;
  const blocks: Block[] = [header(m.homeTitle)];
  if (data.vision) {
    const line = data.vision.isDefault ? m.mantraDefaultLine : escapeUserText(data.vision.text);
    blocks.push(section(`${m.homeVisionTitle}\n>${line}`));
  }
  blocks.push({
    type: 'actions',
    elements: [
      homeButton(m.homeLogMoment, HOME_ACTIONS.logMoment, 'moment', { style: 'primary' }),
      homeButton(m.homePraise, HOME_ACTIONS.praise, 'praise'),
    ],
  });

  blocks.push(header(m.homeRecognitionTitle));
  const { recognition } = data;
  if (recognition.allTime === 0) blocks.push(section(m.homeRecognitionNone));
  else {
    const latest = recognition.latest.map(
      (s) => `${storyLine(s.story, 300)}\n${m.homeRecognitionFrom({ author: s.authorId })}`,
    );
    blocks.push(
      section(
        [m.homeRecognitionCounts({ week: recognition.thisWeek, all: recognition.allTime }), ...latest].join(
          '\n',
        ),
      ),
    );
  }

  blocks.push(header(m.homeMomentsTitle({ total: data.myMoments.total })));
  if (data.myMoments.total === 0) blocks.push(context(m.homeMomentsNone));
  for (const moment of data.myMoments.items) {
    const when = formatFireTime(locale, moment.createdAt, zone);
    blocks.push(
      item(
        `*${m.momentsKind[moment.kind]}* · ${when}\n${storyLine(moment.story)}`,
        overflow(ids.next(HOME_ACTIONS.moment), [
          { text: m.homeEdit, value: `edit:${moment.id}` },
          { text: m.homeDelete, value: `delete:${moment.id}` },
        ]),
      ),
    );
  }
  blocks.push(...paging(m, ids, 'moments', data.myMoments));

  blocks.push(header(m.homeFollowUpsTitle({ total: data.myFollowUps.total })));
  if (data.myFollowUps.total === 0) blocks.push(context(m.homeFollowUpsNone));
  for (const moment of data.myFollowUps.items) blocks.push(followUpItem(m, ids, moment, false));
  blocks.push(...paging(m, ids, 'followUps', data.myFollowUps));

  if (data.pulsesToAnswer.length > 0) {
    blocks.push(header(m.homePulsesTitle));
    for (const pulse of data.pulsesToAnswer.slice(0, 5)) {
      blocks.push(
        item(
          m.homePulseLine({ channel: pulse.channelId, when: formatFireTime(locale, pulse.closesAt, zone) }),
          homeButton(m.homeAnswer, ids.next(HOME_ACTIONS.answer), pulse.id, { style: 'primary' }),
        ),
      );
    }
  }

  blocks.push(header(m.homeTeamTitle));
  const focus = data.trainingFocus;
  blocks.push(
    section(
      [
        m.homeBank({ now: signed(data.bank.thisWeek), before: signed(data.bank.lastWeek) }),
        focus ? m.homeFocus({ tag: focus.tag, line: escapeUserText(focus.description) }) : m.homeNoFocus,
      ].join('\n'),
    ),
  );
  return blocks;
}
