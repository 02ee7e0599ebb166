import { digestOptions, digestScope, postDigest } from '../slack/digest-post.js';
import type { ScheduledKindHandler } from './scheduled-run.js';

/**
 * A weekly digest schedule posts the week that ended before its fire time, in the workspace's
 * zone; `scope=channel` limits it to the moments of that channel's team.
 */
export const postScheduledDigest: ScheduledKindHandler = async (deps, run) => {
  const { scope } = digestOptions.parse(run.options);
  const { timezone } = await deps.workspaces.get(run.teamId);
  return postDigest(deps, {
    teamId: run.teamId,
    channelId: run.channelId,
    week: deps.digests.lastWeek(run.fireAt, timezone),
    scope: await digestScope(deps, scope, run.channelId),
  });
};
