/**
 * The one escaping function for user text the bot re-posts (DMs, channels, digests).
 *
 * Why: Slack turns `<!channel>`, `<!here>`, `<!everyone>` and `<!subteam^ID>` into real
 * broadcasts. Slash commands with should_escape deliver mentions in that form; modal text
 * arrives raw, so a user could type the same syntax by hand. We turn every special mention
 * into inert text and put a word joiner after the @ of typed `@here`-style words so that
 * `link_names` can never promote them. `&`, `<`, `>` outside those are escaped so user text
 * cannot forge links or formatting tokens. Person mentions (`<@U…>`) stay as they were:
 * naming a colleague in a story is the point of it.
 */
import { SLACK_CHANNEL_ID, SLACK_USER_ID } from './parsers/slack-ids.js';

const WORD_JOINER = '\u2060';

/**
 * A live mention of a person. Only an id in Slack's shape becomes `<@…>`: a stored id that is
 * not one (a forged `U0BOB><!channel>`) is shown as inert text, never as markup.
 */
export function mentionUser(id: string): string {
  return SLACK_USER_ID.test(id) ? `<@${id}>` : escapeUserText(id);
}

/** A channel link, under the same rule as mentionUser. */
export function mentionChannel(id: string): string {
  return SLACK_CHANNEL_ID.test(id) ? `<#${id}>` : escapeUserText(id);
}

export function escapeUserText(text: string): string {
  const kept: string[] = [];
  const keep = (value: string) => `\u0000${kept.push(value) - 1}\u0000`;

  const withPlaceholders = text
    // <@U123> and <@U123|name>: live person mentions are kept.
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => keep(`<@${id}>`))
    // <#C123|name>: channel links are harmless and useful.
    .replace(/<#(C[A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => keep(`<#${id}>`))
    // <!subteam^S123|@team>, <!here>, <!channel|channel>, <!everyone>: neutralised to their label.
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label?: string) =>
      inert(label ? label.replace(/^@/, '') : 'group'),
    )
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, (_m, word: string) => inert(word))
    // Already-escaped entities stay as they are; Slack sends &amp; &lt; &gt; in command text.
    .replace(/&(?!(?:amp|lt|gt);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(here|channel|everyone)\b/gi, (_m, word: string) => `@${WORD_JOINER}${word}`);

  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL delimits placeholders no user can type.
  return withPlaceholders.replace(/\u0000(\d+)\u0000/g, (_m, index: string) => kept[Number(index)] ?? '');
}

function inert(word: string): string {
  return `@${WORD_JOINER}${word}`;
}

/** Shortens text for a section or preview, at a word boundary when one is close. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

/** Quotes text as a mrkdwn block quote, line by line. */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}
