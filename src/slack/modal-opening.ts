import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { slackErrorCode } from './people-directory.js';

/**
 * A trigger_id lives 3 seconds. After that Slack refuses any modal opened with it, so waiting
 * longer for views.open (the Web API client would retry a 5xx or a timeout for minutes) only
 * keeps the person in silence. One more second covers Slack's answer to a call made in time.
 */
const OPEN_DEADLINE_MS = 4_000;

/** Slack's answers meaning the trigger is no longer good for a modal. */
const TRIGGER_GONE = new Set(['expired_trigger_id', 'exchanged_trigger_id']);

/**
 * Opens a modal from a trigger. `too_late` when the trigger expired or Slack did not answer
 * within its life: the caller tells the person, with what they typed. Other failures throw.
 */
export async function openModalInTime(
  client: webApi.WebClient,
  args: webApi.ViewsOpenArguments,
  logger: Logger,
): Promise<'opened' | 'too_late'> {
  const opening = client.views.open(args).then(
    () => 'opened' as const,
    (err: unknown) => {
      if (TRIGGER_GONE.has(slackErrorCode(err) ?? '')) return 'too_late' as const;
      throw err;
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), OPEN_DEADLINE_MS);
  });
  const first = await Promise.race([opening, deadline]).finally(() => clearTimeout(timer));
  if (first !== 'deadline') return first;
  // The person is told now; whatever Slack answers later is only worth a log line.
  opening.then(
    (late) => {
      if (late === 'opened') logger.warn('a modal opened after its deadline; the person was told it had not');
    },
    (err: unknown) => logger.warn({ err }, 'views.open failed after its deadline'),
  );
  return 'too_late';
}
