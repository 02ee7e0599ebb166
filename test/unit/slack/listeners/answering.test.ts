import type { RespondArguments } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n/index.js';
import { answerFailures } from '../../../../src/slack/listeners/answering.js';

/** Small fakes of what the wrapper uses: the language, the logger and the two chat methods. */
function setup() {
  const logged: { fields: Record<string, unknown>; msg: string }[] = [];
  const posted: { method: string; args: Record<string, unknown> }[] = [];
  const record = (method: string) => async (args: Record<string, unknown>) => {
    posted.push({ method, args });
    return { ok: true };
  };
  const deps = {
    languages: { forUser: async () => 'fr' as const },
    config: { defaultLocale: 'en' as const },
    logger: {
      error: (fields: Record<string, unknown>, msg: string) => logged.push({ fields, msg }),
      debug: () => {},
      warn: () => {},
    },
    slack: { chat: { postEphemeral: record('postEphemeral'), postMessage: record('postMessage') } },
  };
  const middleware = answerFailures(deps as never);
  const failing = async () => {
    throw new Error('database down');
  };
  return { logged, posted, middleware, failing };
}

const blocksText = (message: unknown) => JSON.stringify((message as { blocks?: unknown }).blocks);

describe('every listener answers, whatever fails', () => {
  it('tells the person who typed a command, in their language, and gives their text back', async () => {
    const { logged, middleware, failing } = setup();
    const replies: RespondArguments[] = [];
    let acks = 0;
    await middleware({
      body: {
        command: '/praise',
        text: '@sam stayed late for a customer',
        team_id: 'T1',
        user_id: 'U1',
        channel_id: 'C1',
      },
      ack: async () => {
        acks += 1;
      },
      respond: async (message: RespondArguments) => {
        replies.push(message);
      },
      next: failing,
    } as never);
    expect(acks).toBe(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ response_type: 'ephemeral', text: messages('fr').genericError });
    expect(blocksText(replies[0] as RespondArguments)).toContain('/praise @sam stayed late for a customer');
    expect(logged).toEqual([
      {
        fields: expect.objectContaining({
          err: expect.any(Error),
          command: '/praise',
          teamId: 'T1',
          userId: 'U1',
        }),
        msg: 'listener failed',
      },
    ]);
  });

  it('sends the text typed in a modal by DM when the submission fails (a view has no response_url)', async () => {
    const { posted, middleware, failing } = setup();
    await middleware({
      body: {
        type: 'view_submission',
        user: { id: 'U2', team_id: 'T1' },
        team: { id: 'T1' },
        view: {
          state: { values: { story: { input: { type: 'plain_text_input', value: 'A long story' } } } },
        },
      },
      ack: async () => {},
      next: failing,
    } as never);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.method).toBe('postMessage');
    expect(posted[0]?.args.channel).toBe('U2');
    expect(blocksText(posted[0]?.args ?? {})).toContain('A long story');
  });

  it('only logs a failed event: nobody asked anything', async () => {
    const { logged, posted, middleware, failing } = setup();
    await middleware({
      body: { type: 'event_callback', event: { type: 'reaction_added' } },
      next: failing,
    } as never);
    expect(posted).toEqual([]);
    expect(logged).toHaveLength(1);
  });

  it('stays out of the way when nothing fails', async () => {
    const { logged, posted, middleware } = setup();
    let ran = false;
    await middleware({
      body: { command: '/mantra', text: '', team_id: 'T1', user_id: 'U1' },
      next: async () => {
        ran = true;
      },
    } as never);
    expect(ran).toBe(true);
    expect([...logged, ...posted]).toEqual([]);
  });
});
