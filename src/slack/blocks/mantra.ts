import { formatList, type Locale, type Messages } from '../../i18n/index.js';
import { escapeUserText, mentionUser, quote, truncate } from '../mrkdwn.js';
import { type Block, context, section } from './common.js';

/** A vision line as shown: the default line already in the workspace language. */
export interface ShownLine {
  text: string;
  isDefault: boolean;
}

export interface MantraPostContent {
  line: string;
  /** The praise story that illustrates the line; undefined when the team has none yet. */
  story: { text: string; colleagueIds: string[] } | undefined;
  /** Last week's training focus (the standard complaints missed most), with its description. */
  focus?: { tag: string; line: string } | undefined;
}

/** Long stories are cut so the post stays a glance, well inside Slack's 3000-character section. */
const STORY_MAX = 1200;

function names(locale: Locale, userIds: string[]): string {
  return formatList(locale, userIds.map(mentionUser));
}

/**
 * The mantra post: the vision line, illustrated with one real praise story (the colleagues
 * named with live mentions, so they see the recognition), and the invitation to log the next
 * story. Line and story are user text: escaped, so they can neither ping @channel nor forge links.
 */
export function buildMantraPost(
  m: Messages,
  locale: Locale,
  content: MantraPostContent,
): { text: string; blocks: Block[] } {
  const line = escapeUserText(content.line);
  const blocks: Block[] = [context(`:compass: *${m.mantraPostLabel}*`), section(`*${line}*`)];
  // Under the vision line: last week's training focus and what the standard says (user text;
  // tags are checked when written, and only the characters a tag has survive here anyway).
  const focusTag = content.focus?.tag.replace(/[^\p{L}\p{N}_-]/gu, '');
  if (content.focus && focusTag) {
    blocks.push(
      context(m.mantraPostTrainingFocus({ tag: focusTag, line: escapeUserText(content.focus.line) })),
    );
  }
  if (content.story) {
    const intro = content.story.colleagueIds.length
      ? m.mantraPostStoryIntro({
          names: names(locale, content.story.colleagueIds),
          count: content.story.colleagueIds.length,
        })
      : m.mantraPostStoryIntroAnonymous;
    blocks.push(
      section(`${intro}\n${quote(truncate(escapeUserText(content.story.text.trim()), STORY_MAX))}`),
    );
    blocks.push(context(m.mantraPostInvite));
  } else {
    blocks.push(section(m.mantraPostFirstStory));
  }
  return { text: m.mantraPostFallback({ line }), blocks };
}

function shown(m: Messages, line: ShownLine): string {
  const text = escapeUserText(line.text);
  return line.isDefault ? `${text} ${m.mantraDefaultMark}` : text;
}

/** `/mantra`: the vision line(s), for everyone. */
export function buildMantraLines(
  m: Messages,
  lines: ShownLine[],
  options: { adminHint: boolean },
): { text: string; blocks: Block[] } {
  const body = lines.map((line) => `• ${shown(m, line)}`).join('\n');
  const blocks: Block[] = [section(`*${m.mantraShowTitle}*\n${body}`)];
  if (options.adminHint) blocks.push(context(m.mantraShowAdminHint));
  return { text: m.mantraShowTitle, blocks };
}

/** `/mantra list`: numbered, so an admin can remove one by its number. */
export function buildMantraList(m: Messages, lines: ShownLine[]): { text: string; blocks: Block[] } {
  const body = lines.map((line, i) => `${i + 1}. ${shown(m, line)}`).join('\n');
  return {
    text: m.mantraListTitle,
    blocks: [section(`*${m.mantraListTitle}*\n${body}`), context(m.mantraListHint)],
  };
}

/** A line quoted back in a confirmation, shortened so the reply stays one glance. */
export function shownLine(text: string): string {
  return escapeUserText(truncate(text, 300));
}
