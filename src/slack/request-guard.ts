import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { parseEnvelope } from './parsers/envelope.js';

/**
 * Remembers which requests were already handled, across replicas (Postgres): the first
 * arrival of a key wins, any later one within Slack's five-minute signature window is a replay.
 */
export interface RequestLedger {
  firstArrival(key: string, now: Date): Promise<boolean>;
}

/** A payload that is not what Slack sends: answered 400 over HTTP, acked and dropped over a socket. */
export class MalformedRequest extends Error {
  readonly code = 'malformed_request';
  constructor() {
    super('request body is not a Slack payload');
    this.name = 'MalformedRequest';
  }
}

/** Thrown from ack() of a replayed request: the ack is sent, the listener stops right after it. */
export class ReplayedRequest extends Error {
  readonly code = 'replayed_request';
  constructor() {
    super('request already handled');
    this.name = 'ReplayedRequest';
  }
}

/**
 * How many requests may be doing their work after the ack at once; the others wait their turn,
 * in order of arrival. Acks never wait for a turn.
 */
export const AFTER_ACK_TURNS = 4;
/**
 * The longest a request keeps its turn. A praise's work takes milliseconds; one that takes
 * longer is waiting on the network (a Slack call waiting out a 429, a slow response_url), not
 * using the thread, and must not hold up everyone else's work while it waits.
 */
export const TURN_LONGEST_MS = 250;

/** A fixed number of turns, handed out first come, first served, each for a limited time. */
class Turns {
  #free: number;
  readonly #waiting: (() => void)[] = [];
  constructor(count: number) {
    this.#free = count;
  }
  /** Waits for a turn; resolves with its release (idempotent), which also runs on its own after TURN_LONGEST_MS. */
  async take(): Promise<() => void> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      clearTimeout(timer);
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
    };
    const timer = setTimeout(release, TURN_LONGEST_MS);
    timer.unref();
    return release;
  }
}

/** The key of one delivery, put in Bolt's context by each receiver's customPropertiesExtractor. */
export const REQUEST_KEY = 'requestKey';

export interface GuardOptions {
  ledger: RequestLedger;
  logger: Logger;
  clock: () => Date;
}

/**
 * Bolt's App with three guarantees added at the one place every request passes, whatever the
 * receiver:
 * - a payload without the fields Slack always sends is refused before any listener runs, and
 *   control characters are removed from every text in it (see parseEnvelope);
 * - a replay (the same signed bytes, or the same Socket Mode envelope) is acked and dropped.
 *   The ledger is asked after the ack, once the request has its turn (below), so neither the
 *   ack nor a request still waiting costs a query: the listener's `await ack()` throws
 *   ReplayedRequest, before any side effect;
 * - a request no listener acked (an unknown callback, a listener that failed before its ack)
 *   is acked as soon as the listeners are done, instead of Slack waiting 3 s for a 404;
 * - acks come first: after its ack a request waits for one of AFTER_ACK_TURNS turns before its
 *   listener goes on (a turn lasts until the listener ends, TURN_LONGEST_MS at most). The work
 *   after an ack (a story stored, a DM sent) costs the thread that acks several times the ack
 *   itself; in a burst, without turns, every request's work would run at once and the acks
 *   still to come would queue behind all of it. With turns the burst is acked at once and its
 *   work follows a few requests at a time.
 */
/** What a log may say of a request still running (ids and kinds, never what people typed). */
export interface RequestInFlight {
  readonly type: string;
  readonly teamId: string | undefined;
  readonly userId: string | undefined;
  readonly since: Date;
}

export class GuardedApp extends App {
  readonly #guard: GuardOptions;
  readonly #inFlight = new Set<{ described?: RequestInFlight }>();
  readonly #turns = new Turns(AFTER_ACK_TURNS);

  /**
   * Requests being handled, from their arrival to the end of their listeners (a graceful stop
   * waits for them). Counted here rather than in a middleware: Bolt acks an event before any
   * middleware runs, and the work after that ack must count too.
   */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** The requests being handled now, for a stop that could not wait for them to say which. */
  requestsInFlight(): RequestInFlight[] {
    return [...this.#inFlight].flatMap((entry) => (entry.described ? [entry.described] : []));
  }

  constructor(options: AppOptions, guard: GuardOptions) {
    super(options);
    this.#guard = guard;
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    const entry: { described?: RequestInFlight } = {};
    this.#inFlight.add(entry);
    try {
      await this.#process(event, entry);
    } finally {
      this.#inFlight.delete(entry);
    }
  }

  async #process(event: ReceiverEvent, entry: { described?: RequestInFlight }): Promise<void> {
    const body = parseEnvelope(event.body);
    if (!body) throw new MalformedRequest();
    const { ledger, logger, clock } = this.#guard;
    const arrivedAt = clock();
    entry.described = describe(body, arrivedAt);
    const key = event.customProperties?.[REQUEST_KEY];
    let first: Promise<boolean> | undefined;
    const askLedger = () =>
      (first ??=
        typeof key === 'string'
          ? ledger.firstArrival(key, arrivedAt).catch((err) => {
              // Better to risk a duplicate than to drop a request Slack sent once.
              logger.warn({ err }, 'could not check a request against the replay ledger');
              return true;
            })
          : Promise.resolve(true));
    let acked = false;
    let releaseTurn: (() => void) | undefined;
    const ack: ReceiverEvent['ack'] = async (response) => {
      acked = true;
      await event.ack(response);
      releaseTurn ??= await this.#turns.take();
      if (!(await askLedger())) throw new ReplayedRequest();
    };
    try {
      await super.processEvent({ ...event, body, ack });
    } catch (err) {
      if (!(err instanceof ReplayedRequest)) throw err;
    } finally {
      releaseTurn?.();
    }
    if (first && !(await first)) {
      logger.info({ type: body.type ?? body.command }, 'dropped a replayed Slack request');
    }
    if (!acked) await event.ack();
  }
}

function describe(body: Record<string, unknown>, since: Date): RequestInFlight {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const field = (value: unknown, key: string) =>
    value && typeof value === 'object' ? text((value as Record<string, unknown>)[key]) : undefined;
  return {
    // A slash command by its name; an event by its own type (reaction_added), not "event_callback".
    type: text(body.command) ?? field(body.event, 'type') ?? text(body.type) ?? 'unknown',
    teamId: text(body.team_id) ?? field(body.team, 'id'),
    userId: text(body.user_id) ?? field(body.user, 'id') ?? field(body.event, 'user'),
    since,
  };
}
