/**
 * "Fill a sample week": the five sample people use the bot through the sandbox as they would in
 * Slack (commands, buttons, modal submissions, the message shortcut), never by writing rows, with
 * the sandbox clock set to each moment's time. The week played is the current one (Monday to
 * Sunday in the workspace's zone); the clock then stays at Sunday 17:00, so "Jump to next Monday
 * 09:00" posts the digest of exactly this week.
 */
import { ACTIONS, BLOCKS } from '../slack/ids.js';
import { samplePerson } from './people.js';
import type { Sandbox } from './sandbox.js';
import { dmChannelId, type SlackArgs } from './slack-emulator.js';

const DAY_MS = 86_400_000;

/** Local wall time in `zone` → the instant. Two passes settle the offset around a DST change. */
function zonedInstant(zone: string, y: number, month: number, day: number, hour: number, minute: number) {
  const wall = Date.UTC(y, month - 1, day, hour, minute);
  let t = wall;
  for (let i = 0; i < 2; i++) t = wall - offsetMs(zone, t);
  return new Date(t);
}

function offsetMs(zone: string, t: number): number {
  const p = wallParts(zone, new Date(t));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(t / 60_000) * 60_000;
}

function wallParts(zone: string, at: Date) {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? ''),
  };
}

/** `at(day, "hh:mm")`: day 0 is this week's Monday, in the zone. */
function weekOf(zone: string, now: Date) {
  const today = wallParts(zone, now);
  const monday = new Date(Date.UTC(today.year, today.month - 1, today.day) - today.weekday * DAY_MS);
  return (day: number, time: string) => {
    const d = new Date(monday.getTime() + day * DAY_MS);
    const [hour = 0, minute = 0] = time.split(':').map(Number);
    return zonedInstant(zone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute);
  };
}

const CHANNEL = { general: 'C0GENERAL', support: 'C0SUPPORT', floor: 'C0FLOOR' } as const;
type ChannelName = keyof typeof CHANNEL;

const option = (value: string) => ({ selected_option: { value, text: { type: 'plain_text', text: value } } });
const text = (value: string) => ({ type: 'plain_text_input', value });

interface FullMoment {
  kind: 'praise' | 'complaint';
  colleagues?: string[];
  customerType?: 'external' | 'internal';
  touchpoint: 'phone' | 'email' | 'chat' | 'store' | 'social' | 'other';
  impact: 'small' | 'big';
  story: string;
  lesson?: string;
  followUp?: string;
}

function momentValues(m: FullMoment) {
  return {
    [BLOCKS.momentKind]: { [BLOCKS.momentKind]: { type: 'radio_buttons', ...option(m.kind) } },
    [BLOCKS.momentColleagues]: {
      [BLOCKS.momentColleagues]: {
        type: 'multi_users_select',
        selected_users: (m.colleagues ?? []).map((n) => samplePerson(n).id),
      },
    },
    [BLOCKS.momentCustomerType]: {
      [BLOCKS.momentCustomerType]: { type: 'radio_buttons', ...option(m.customerType ?? 'external') },
    },
    [BLOCKS.momentTouchpoint]: {
      [BLOCKS.momentTouchpoint]: { type: 'static_select', ...option(m.touchpoint) },
    },
    [BLOCKS.momentImpact]: { [BLOCKS.momentImpact]: { type: 'radio_buttons', ...option(m.impact) } },
    [BLOCKS.momentStory]: { [BLOCKS.momentStory]: text(m.story) },
    [BLOCKS.momentLesson]: { [BLOCKS.momentLesson]: { type: 'plain_text_input', value: m.lesson ?? null } },
    [BLOCKS.momentFollowUp]: {
      [BLOCKS.momentFollowUp]: {
        type: 'users_select',
        selected_user: m.followUp ? samplePerson(m.followUp).id : null,
      },
    },
  };
}

type Step =
  | { day: number; time: string; who: string; where: ChannelName; say: string }
  | { day: number; time: string; who: string; where: ChannelName; moment: FullMoment }
  | { day: number; time: string; who: string; where: ChannelName; complaint: string; lesson: string }
  | { day: number; time: string; who: string; where: ChannelName; post: string; logAs: FullMoment }
  | {
      day: number;
      time: string;
      who: string;
      where: ChannelName;
      pulseAnswer: [number, string, string, string];
    };

const SCHEDULES = [
  'schedule digest #general "0 9 * * 1"',
  'schedule mantra #floor "0 9 * * 1-5"',
  'channel recognition #floor',
];

const WEEK: Step[] = [
  {
    day: 0,
    time: '09:40',
    who: 'bob',
    where: 'floor',
    say: '/praise @sam stayed on the phone until the customer’s trip was rebooked #same-day',
  },
  {
    day: 0,
    time: '11:15',
    who: 'chloe',
    where: 'support',
    say: '/praise @bob a rappelé le client le soir même pour vérifier que tout fonctionnait #follow-up',
  },
  {
    day: 0,
    time: '15:20',
    who: 'sam',
    where: 'support',
    complaint: 'a customer waited two days for an answer about a refund #same-day',
    lesson: 'Refund questions now get a same-day holding reply with a date.',
  },
  {
    day: 1,
    time: '10:05',
    who: 'morgan',
    where: 'floor',
    moment: {
      kind: 'praise',
      colleagues: ['chloe', 'sam'],
      customerType: 'internal',
      touchpoint: 'store',
      impact: 'big',
      story:
        'Chloé and Sam rebuilt the shop window overnight after the storm so the store opened on time #own-it',
    },
  },
  {
    day: 1,
    time: '13:30',
    who: 'alex',
    where: 'general',
    say: '/praise @morgan ran the team meeting around last week’s complaint: no blame, three fixes #share',
  },
  {
    day: 1,
    time: '16:45',
    who: 'bob',
    where: 'support',
    moment: {
      kind: 'complaint',
      touchpoint: 'chat',
      impact: 'big',
      story: 'The chat assistant sent a customer in circles for an hour before anyone answered #human',
      lesson: 'Chat hands over to a person after two loops.',
      followUp: 'sam',
    },
  },
  { day: 2, time: '09:10', who: 'morgan', where: 'support', say: '/pulse start' },
  {
    day: 2,
    time: '09:30',
    who: 'alex',
    where: 'support',
    pulseAnswer: [
      7,
      'Customer first, every day.',
      'Tell the story of one good contact at every stand-up.',
      'Ask each other how we are before we ask for numbers.',
    ],
  },
  {
    day: 2,
    time: '09:45',
    who: 'morgan',
    where: 'support',
    pulseAnswer: [
      8,
      'Customer first.',
      'Celebrate the small credits, not only the big ones.',
      'Share the complaints without blame.',
    ],
  },
  {
    day: 2,
    time: '10:10',
    who: 'bob',
    where: 'support',
    pulseAnswer: [
      6,
      'Put the customer first.',
      'Fewer targets, more time per call.',
      'Cover for each other at rush hour.',
    ],
  },
  {
    day: 2,
    time: '10:40',
    who: 'chloe',
    where: 'support',
    pulseAnswer: [
      9,
      'Le client d’abord.',
      'Que chaque manager écoute un appel client par semaine.',
      'Se dire merci, à voix haute.',
    ],
  },
  {
    day: 2,
    time: '11:00',
    who: 'sam',
    where: 'support',
    pulseAnswer: [
      7,
      'Customer first.',
      'Let us fix things without asking for approval.',
      'Lunch together once a week.',
    ],
  },
  {
    day: 2,
    time: '11:20',
    who: 'sam',
    where: 'floor',
    say: '/praise @chloe found a discontinued part at a competitor and had it delivered to the customer #surprise',
  },
  {
    day: 2,
    time: '12:05',
    who: 'sam',
    where: 'floor',
    post: 'The customer from this morning came back with flowers for Bob: he fixed her coffee machine on the spot!',
    logAs: {
      kind: 'praise',
      colleagues: ['bob'],
      touchpoint: 'store',
      impact: 'big',
      story: 'Bob fixed a customer’s coffee machine on the spot; she came back with flowers #surprise',
    },
  },
  {
    day: 2,
    time: '14:00',
    who: 'chloe',
    where: 'support',
    moment: {
      kind: 'complaint',
      touchpoint: 'phone',
      impact: 'small',
      story: 'Un client a attendu 25 minutes au téléphone avant qu’on lui réponde #same-day',
      lesson: 'Un rappel est proposé après 5 minutes d’attente.',
    },
  },
  {
    day: 2,
    time: '16:30',
    who: 'bob',
    where: 'floor',
    say: '/praise @alex @morgan covered the floor so the new hires could listen in on customer calls #human',
  },
  {
    day: 3,
    time: '09:50',
    who: 'alex',
    where: 'support',
    moment: {
      kind: 'complaint',
      touchpoint: 'email',
      impact: 'big',
      story: 'An e-mail complaint sat in the shared inbox over the long weekend #own-it',
      lesson: 'The shared inbox has a named owner every day.',
      followUp: 'bob',
    },
  },
  {
    day: 3,
    time: '11:00',
    who: 'sam',
    where: 'floor',
    say: '/praise @bob turned an angry return into a loyal customer with a hand-written note #surprise',
  },
  {
    day: 3,
    time: '14:40',
    who: 'morgan',
    where: 'support',
    say: '/complaint a customer was told "not my department" and hung up #own-it',
  },
  {
    day: 3,
    time: '17:05',
    who: 'chloe',
    where: 'floor',
    say: '/praise @sam a pris le temps d’expliquer la garantie à une cliente âgée, sans la presser #human',
  },
  { day: 4, time: '09:00', who: 'morgan', where: 'support', say: '/pulse close' },
  {
    day: 4,
    time: '10:20',
    who: 'bob',
    where: 'support',
    complaint: 'a delivery promised for Friday came on Monday and nobody warned the customer #follow-up',
    lesson: 'We warn the customer the moment a delivery slips.',
  },
  {
    day: 4,
    time: '12:30',
    who: 'alex',
    where: 'floor',
    say: '/praise @chloe @bob shared a customer’s feedback with the whole team on the spot #share',
  },
  {
    day: 4,
    time: '15:10',
    who: 'sam',
    where: 'support',
    moment: {
      kind: 'praise',
      colleagues: ['chloe'],
      touchpoint: 'social',
      impact: 'small',
      story: 'Chloé answered a customer’s post within ten minutes, with a real fix #same-day',
    },
  },
  {
    day: 5,
    time: '11:00',
    who: 'bob',
    where: 'floor',
    say: '/praise @sam opened the store early for a customer catching a flight #surprise',
  },
];

export async function fillSampleWeek(sandbox: Sandbox): Promise<void> {
  const { emulator } = sandbox;
  const zone = await sandbox.timezone();
  const startedAt = sandbox.now();
  const at = weekOf(zone, startedAt);

  const check = (outcome: { ok: boolean }, what: string) => {
    if (!outcome.ok) throw new Error(`sample week: ${what} failed: ${JSON.stringify(outcome)}`);
  };
  const say = async (who: string, channel: string, line: string) =>
    check(await sandbox.send(samplePerson(who).id, channel, line), line);
  /** Submits the form on top of the person's modals, as they would after filling it in. */
  const submitTop = async (who: string, values: Record<string, Record<string, unknown>>, what: string) => {
    const id = samplePerson(who).id;
    const view = emulator.modalStack(id).at(-1);
    if (!view) throw new Error(`sample week: no form open for ${who} (${what})`);
    check(await sandbox.submit(id, view.id, values), what);
    // A confirmation view (the pulse's "thank you") is closed like a person closes it.
    for (const left of emulator.modalStack(id).reverse()) await sandbox.closeModal(id, left.id);
  };
  /** Clicks the newest button with this action id that the person sees in the channel. */
  const click = async (who: string, channel: string, actionId: string) => {
    const id = samplePerson(who).id;
    const message = emulator.messages
      .filter((m) => m.channel === channel && (!m.ephemeralTo || m.ephemeralTo === id))
      .filter((m) => JSON.stringify(m.blocks ?? []).includes(`"action_id":"${actionId}"`))
      .at(-1);
    if (!message) throw new Error(`sample week: ${who} sees no ${actionId} button in ${channel}`);
    const button = (message.blocks ?? [])
      .flatMap((b: SlackArgs) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
      .find((e: SlackArgs) => e.action_id === actionId);
    check(
      await sandbox.act(id, {
        actionId,
        channel,
        ts: message.ts,
        ...(button?.value ? { action: { value: button.value } } : {}),
      }),
      actionId,
    );
  };

  if ((await sandbox.schedules()).length === 0) {
    await sandbox.setClock(at(0, '09:30'));
    for (const line of SCHEDULES) await say('alex', dmChannelId(samplePerson('alex').id), `/culture ${line}`);
  }
  let done = 0;
  for (const step of WEEK) {
    sandbox.setBusy(`Filling a sample week… ${++done}/${WEEK.length}`);
    await sandbox.setClock(at(step.day, step.time));
    const channel = CHANNEL[step.where];
    if ('say' in step) await say(step.who, channel, step.say);
    else if ('moment' in step) {
      await say(step.who, channel, '/moment');
      await submitTop(step.who, momentValues(step.moment), 'the moment form');
    } else if ('complaint' in step) {
      await say(step.who, channel, `/complaint ${step.complaint}`);
      await click(step.who, channel, ACTIONS.momentAddLesson);
      await submitTop(
        step.who,
        {
          [BLOCKS.momentLesson]: { [BLOCKS.momentLesson]: text(step.lesson) },
          [BLOCKS.momentResolveNow]: {
            [BLOCKS.momentResolveNow]: {
              type: 'checkboxes',
              selected_options: [option('resolve').selected_option],
            },
          },
        },
        'the lesson form',
      );
    } else if ('post' in step) {
      await say(step.who, channel, step.post);
      const posted = emulator.messages
        .filter((m) => m.channel === channel && m.user === samplePerson(step.who).id)
        .at(-1);
      if (!posted) throw new Error('sample week: the message to log is missing');
      const logger = samplePerson('morgan').id;
      const [shortcut] = sandbox.manifest.messageShortcuts;
      if (!shortcut) throw new Error('sample week: the manifest has no message shortcut');
      check(await sandbox.shortcut(logger, shortcut.callbackId, channel, posted.ts), 'the message shortcut');
      await submitTop('morgan', momentValues(step.logAs), 'the shortcut form');
    } else {
      await click(step.who, channel, ACTIONS.pulseAnswer);
      const [score, vision, motivation, human] = step.pulseAnswer;
      await submitTop(
        step.who,
        {
          [BLOCKS.pulseScore]: { [BLOCKS.pulseScore]: { type: 'static_select', ...option(String(score)) } },
          [BLOCKS.pulseVision]: { [BLOCKS.pulseVision]: text(vision) },
          [BLOCKS.pulseMotivation]: { [BLOCKS.pulseMotivation]: text(motivation) },
          [BLOCKS.pulseHuman]: { [BLOCKS.pulseHuman]: text(human) },
        },
        'the pulse answer',
      );
    }
    await sandbox.runScheduler();
  }
  const endOfWeek = at(6, '17:00');
  await sandbox.setClock(endOfWeek > startedAt ? endOfWeek : startedAt);
}
