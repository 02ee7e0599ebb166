import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { messages } from '../../i18n/index.js';
import { buildMantraPost } from '../blocks/mantra.js';
import type { ScheduledPostKind } from './scheduled-post.js';

/**
 * Posts the workspace's mantra in a channel (for `/mantra post` and for mantra schedules):
 * picks the line and the story, builds the post in the workspace language, posts it, and
 * records what was told so the next post rotates. Slack errors are thrown as they come; the
 * callers decide (join and retry, tell the user, retry later).
 */
export async function postMantra(
  deps: Pick<Deps, 'mantras' | 'languages' | 'slack' | 'logger'>,
  target: { teamId: string; channelId: string; reference: Date; now: Date },
): Promise<{ messageTs: string }> {
  const locale = await deps.languages.forWorkspace(target.teamId);
  const m = messages(locale);
  const { line, story, focus } = await deps.mantras.compose(
    target.teamId,
    m.mantraDefaultLine,
    target.reference,
  );
  const message = buildMantraPost(m, locale, {
    line: line.isDefault ? m.mantraDefaultLine : line.text,
    story: story ? { text: story.story, colleagueIds: story.colleagueIds } : undefined,
    focus: focus ? { tag: focus.tag, line: focus.description } : undefined,
  });
  const posted = await deps.slack.chat.postMessage({
    channel: target.channelId,
    ...message,
    unfurl_links: false,
    unfurl_media: false,
  });
  if (!posted.ts) throw new Error('chat.postMessage answered without a message ts');
  // The post is out: failing to remember it only weakens the rotation, so it must not throw
  // (a throw here would make the caller retry, and post twice).
  await deps.mantras
    .recordPost({
      teamId: target.teamId,
      mantraId: line.id,
      momentId: story?.id ?? null,
      channelId: target.channelId,
      messageTs: posted.ts,
      postedAt: target.now,
    })
    .catch((err) => deps.logger.error({ err, channel: target.channelId }, 'mantra posted but not recorded'));
  return { messageTs: posted.ts };
}

const noOptions = z.object({});

/** A mantra schedule: the next line and story, told as of the fire time. */
export const mantraPost: ScheduledPostKind<z.infer<typeof noOptions>> = {
  options: noOptions,
  // The story window ends at the fire time, so a catch-up post tells what was true then.
  post: (deps, run) =>
    postMantra(deps, {
      teamId: run.teamId,
      channelId: run.channelId,
      reference: run.fireAt,
      now: deps.clock(),
    }),
};
