import type { types } from '@slack/bolt';
import type { Digest, DigestStory } from '../../domain/digest/digest.js';
import { formatDate, formatNumber, type Locale, type Messages } from '../../i18n/index.js';
import { ACTIONS } from '../ids.js';
import { escapeUserText, mentionUser, truncate } from '../mrkdwn.js';
import { type Block, context, header, MESSAGE_BLOCKS_MAX, section } from './common.js';
import { mentionList, storyQuote } from './moments.js';

/** A story in a digest is a glimpse, not the whole text: a busy week must stay readable. */
const STORY_GLIMPSE = 400;

const signed = (locale: Locale, value: number) =>
  `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(locale, Math.abs(value))}`;

/** A day of a week, short, in the language (`23 Nov`, `23 nov.`). */
export function dayLabel(locale: Locale, isoDay: string): string {
  return formatDate(locale, new Date(`${isoDay}T00:00:00Z`), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

function glimpse(text: string) {
  return storyQuote(truncate(text, STORY_GLIMPSE));
}

/**
 * Block ids and action ids must be unique in a message; the digest carries one "add what we
 * learned" button per complaint, so each action id gets the story's position as a suffix (the
 * listener matches the prefix).
 */
export function lessonActionId(index: number) {
  return `${ACTIONS.momentAddLesson}:${index}`;
}

function complaintBlock(m: Messages, story: DigestStory, index: number): Block {
  const follow = story.lesson
    ? m.digestLesson({ lesson: escapeUserText(truncate(story.lesson, STORY_GLIMPSE)) })
    : m.digestNoLesson({ owner: mentionUser(story.followUpUserId ?? story.authorId) });
  const text = `${glimpse(story.story)}\n${follow}`;
  if (story.lesson) return section(text);
  const button: types.Button = {
    type: 'button',
    text: { type: 'plain_text', text: truncate(m.digestAddLesson, 75) },
    action_id: lessonActionId(index),
    value: story.id,
  };
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) }, accessory: button };
}

/**
 * The weekly digest: the mantra, the emotional bank account, recognition, learning and the
 * standards. Lists arrive cut to size; this builder also never passes Slack's 50 blocks.
 */
export function buildDigest(
  m: Messages,
  locale: Locale,
  digest: Digest,
  options: {
    preview?: boolean;
    /** Uploaded pictures: the bank account week by week, and this week's standards. */
    charts?: { bank?: types.ImageBlock; standards?: types.ImageBlock };
  } = {},
) {
  const title = m.digestTitle({
    from: dayLabel(locale, digest.week.firstDay),
    to: dayLabel(locale, digest.week.lastDay),
  });
  const blocks: Block[] = [header(title)];
  if (options.preview) blocks.push(context(m.digestPreviewNote));
  if (digest.mantra) blocks.push(section(`>_${escapeUserText(digest.mantra)}_`));

  const { bank } = digest;
  const bankLine = m.digestBank({
    credits: bank.credits,
    debits: bank.debits,
    balance: signed(locale, bank.balance),
  });
  blocks.push(section(`${bankLine}\n${m.digestBankChange({ change: signed(locale, bank.change) })}`));
  if (options.charts?.bank) blocks.push(options.charts.bank);
  if (digest.pulse) {
    blocks.push(
      section(
        m.digestPulse({
          average: formatNumber(locale, digest.pulse.average, 1),
          answers: digest.pulse.answers,
        }),
      ),
    );
  }

  if (digest.praise.total === 0 && digest.complaints.total === 0) {
    blocks.push(section(m.digestEmpty));
    return { text: title, blocks };
  }

  if (digest.praise.total > 0) {
    blocks.push({ type: 'divider' }, section(m.digestRecognitionTitle({ count: digest.praise.total })));
    const people = digest.praise.colleagues.map((c) => `${mentionUser(c.userId)} ×${c.count}`);
    const morePeople = digest.praise.colleaguesTotal - digest.praise.colleagues.length;
    if (morePeople > 0) people.push(m.digestMorePeople({ count: morePeople }));
    if (people.length) blocks.push(section(m.digestRecognised({ people: people.join(', ') })));
    for (const story of digest.praise.stories) {
      const impact = m.momentsImpactPraise[story.impact];
      const by = m.digestPraiseStory({
        author: mentionUser(story.authorId),
        colleagues: mentionList(story.colleagueIds, m.and),
        impact,
      });
      const seconded = story.seconders > 0 ? m.reactionsDigestSeconded({ count: story.seconders }) : '';
      blocks.push(section(`${by}${seconded}\n${glimpse(story.story)}`));
    }
    const moreStories = digest.praise.total - digest.praise.stories.length;
    if (moreStories > 0) blocks.push(context(m.digestMoreStories({ count: moreStories })));
  }

  if (digest.complaints.total > 0) {
    blocks.push(
      { type: 'divider' },
      section(
        m.digestLearningTitle({ count: digest.complaints.total, resolved: digest.complaints.resolved }),
      ),
    );
    let index = 0;
    for (const group of digest.complaints.byTouchpoint) {
      blocks.push(
        section(
          m.digestTouchpoint({
            touchpoint: m.momentsTouchpoint[group.touchpoint],
            count: group.count,
            resolved: group.resolved,
          }),
        ),
      );
      const samples = digest.complaints.stories.filter((s) => s.touchpoint === group.touchpoint);
      for (const story of samples) blocks.push(complaintBlock(m, story, index++));
      if (group.count > samples.length)
        blocks.push(context(m.digestMoreStories({ count: group.count - samples.length })));
    }
    if (digest.complaints.withoutLesson > 0) {
      blocks.push(context(m.digestMissingLessons({ count: digest.complaints.withoutLesson })));
    }
  }

  const { followUps } = digest;
  if (followUps.count > 0) {
    blocks.push(
      context(
        m.digestFollowUps({
          count: followUps.count,
          within: followUps.withinDelay,
          days: followUps.delayDays,
        }),
      ),
    );
  }

  if (digest.standards.length) {
    blocks.push({ type: 'divider' }, ...standardsBlocks(m, digest, options.charts?.standards));
  }

  blocks.push(context(m.digestInvite));
  return { text: title, blocks: capBlocks(blocks) };
}

/**
 * Each standard cited this week, honoured and missed, then the training focus with what the
 * team learned on those complaints and the example to follow. Descriptions and stories are
 * user text: escaped.
 */
function standardsBlocks(m: Messages, digest: Digest, chart: types.ImageBlock | undefined): Block[] {
  const lines = digest.standards.map((t) =>
    m.digestStandardLine({ tag: t.standard.tag, honoured: t.honoured, missed: t.missed }),
  );
  const blocks: Block[] = [section([m.digestStandardsTitle, ...lines].join('\n'))];
  if (chart) blocks.push(chart);
  const focus = digest.focus;
  if (!focus) return blocks;
  blocks.push(
    section(
      m.digestTrainingFocus({ tag: focus.standard.tag, line: escapeUserText(focus.standard.description) }),
    ),
  );
  if (focus.lessons.length) {
    const lessons = focus.lessons.map((story) => storyQuote(truncate(story.lesson ?? '', STORY_GLIMPSE)));
    blocks.push(section([m.digestFocusLessons, ...lessons].join('\n')));
  }
  if (focus.example) {
    const { colleagueIds, authorId, story } = focus.example;
    const by = colleagueIds.length
      ? m.digestFocusExample({ colleagues: mentionList(colleagueIds, m.and), author: `<@${authorId}>` })
      : m.digestFocusExampleAnonymous({ author: `<@${authorId}>` });
    blocks.push(section(`${by}\n${glimpse(story)}`));
  }
  return blocks;
}

/** Keeps the header and the closing invitation; drops from the middle if a week is huge. */
function capBlocks(blocks: Block[]): Block[] {
  if (blocks.length <= MESSAGE_BLOCKS_MAX) return blocks;
  return [...blocks.slice(0, MESSAGE_BLOCKS_MAX - 1), blocks.at(-1) as Block];
}
