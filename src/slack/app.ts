import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type App,
  type CustomRoute,
  HTTPModuleFunctions,
  HTTPReceiver,
  type Receiver,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { toBoltLogger } from './bolt-logger.js';
import { fetchWithin } from './fetch-within.js';
import { createHttpGate, type HttpGate } from './http-gate.js';
import {
  GuardedApp,
  MalformedRequest,
  REQUEST_KEY,
  ReplayedRequest,
  type RequestLedger,
} from './request-guard.js';

export interface SlackAppHandle {
  readonly app: App;
  /** Starts receiving; resolves with the HTTP port actually bound (useful with PORT=0). */
  start(): Promise<number>;
  /** Stops taking new requests, then waits (bounded) for handlers already running. */
  stop(drainMs: number): Promise<void>;
  /** Resolves once no handler is running (bounded wait); true when idle was reached. */
  whenIdle(timeoutMs: number): Promise<boolean>;
}

export interface SlackAppOptions {
  config: Config;
  logger: Logger;
  /** Answers GET /healthz: true when the database is reachable. */
  isHealthy: () => Promise<boolean>;
  /** Where handled requests are remembered, so a replay runs once. */
  ledger: RequestLedger;
  clock: () => Date;
}

const ENDPOINT = '/slack/events';
/** The longest one call to Slack (Web API, response_url) may take, answer read. */
const SLACK_CALL_LIMIT_MS = 30_000;
/** How long the Socket Mode connection may be down before /healthz answers 503. */
export const SOCKET_GRACE_MS = 60_000;

/**
 * Builds the Bolt app. Socket Mode when an app token is configured, HTTP otherwise; both serve
 * /healthz on PORT. The Web API client talks to SLACK_API_URL (GovSlack, proxies, the emulator).
 */
export function buildSlackApp({ config, logger, isHealthy, ledger, clock }: SlackAppOptions): SlackAppHandle {
  const boltLogger = toBoltLogger(logger);
  // Socket Mode: Slack reaches the bot only through the socket, so health includes it. A
  // reconnect (Slack recycles connections every few hours) takes seconds; down longer than the
  // grace period, the orchestrator should replace this process.
  let socketDownSince: number | undefined = clock().getTime();
  async function health(): Promise<{ code: number; body: Record<string, string> }> {
    const databaseUp = await isHealthy().catch(() => false);
    const body: Record<string, string> = { status: 'ok', database: databaseUp ? 'up' : 'down' };
    let healthy = databaseUp;
    if (config.slackMode.kind === 'socket') {
      body.slack = socketDownSince === undefined ? 'connected' : 'connecting';
      if (socketDownSince !== undefined && clock().getTime() - socketDownSince > SOCKET_GRACE_MS)
        healthy = false;
    }
    if (!healthy) body.status = 'unavailable';
    return { code: healthy ? 200 : 503, body };
  }
  const healthRoute: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      void health().then(({ code, body }) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    },
  };

  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.slackApiUrl,
    // The client waits out 429 Retry-After itself (rejectRateLimitedCalls is false); other
    // failures get a few quick retries instead of the default half hour, so an interactive
    // reply is never stuck behind a long back-off.
    retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    // Without a limit a hung call would wait forever, holding a scheduled run's claim (and its
    // node-cron task) until another replica takes it over and posts twice. The limit is ours
    // rather than the client's `timeout` so that Bolt's respond() has one too (fetch-within.ts).
    fetch: fetchWithin(SLACK_CALL_LIMIT_MS),
  };

  let receiver: Receiver;
  let httpServer: Server | undefined;
  let gate: HttpGate | undefined;
  let healthServer: Server | undefined;
  let socketClient: SocketModeReceiver['client'] | undefined;
  if (config.slackMode.kind === 'socket') {
    const socket = new SocketModeReceiver({
      appToken: config.slackMode.appToken,
      logger: boltLogger,
      // apps.connections.open goes to SLACK_API_URL too (GovSlack, proxies, tests). Only the
      // URL: the socket client keeps its own patient retries for reconnecting.
      installerOptions: { clientOptions: { slackApiUrl: config.slackApiUrl } },
      customPropertiesExtractor: (args: { envelope_id?: unknown }) =>
        typeof args.envelope_id === 'string' ? { [REQUEST_KEY]: `envelope:${args.envelope_id}` } : {},
      // Acked, so Slack does not deliver a broken envelope again.
      processEventErrorHandler: async ({ error }) => error instanceof MalformedRequest,
    });
    socket.client.on('connected', () => {
      socketDownSince = undefined;
    });
    for (const state of ['close', 'connecting', 'reconnecting', 'disconnected']) {
      socket.client.on(state, () => {
        socketDownSince ??= clock().getTime();
      });
    }
    // Bolt's receiver serves custom routes on a port it does not report; this one does.
    healthServer = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method === 'GET' && path === '/healthz') return healthRoute.handler(req as never, res);
      res.writeHead(404);
      res.end();
    });
    socketClient = socket.client;
    receiver = socket;
  } else {
    const http = new HTTPReceiver({
      signingSecret: config.slackMode.signingSecret,
      endpoints: ENDPOINT,
      logger: boltLogger,
      customRoutes: [healthRoute],
      port: config.port,
      // The signature names the exact bytes Slack sent: the same bytes again are a replay.
      customPropertiesExtractor: (req) => {
        const signature = req.headers['x-slack-signature'];
        return typeof signature === 'string' ? { [REQUEST_KEY]: signature } : {};
      },
      processEventErrorHandler: async (args) => {
        if (!(args.error instanceof MalformedRequest)) {
          return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
        }
        args.response.writeHead(400);
        args.response.end();
        return false;
      },
    });
    gate = createHttpGate({
      signingSecret: config.slackMode.signingSecret,
      endpoint: ENDPOINT,
      logger,
      clock,
    });
    http.requestListener = gate.wrap(http.requestListener);
    receiver = http;
  }

  const app = new GuardedApp(
    {
      token: config.slackBotToken,
      receiver,
      // Without this Bolt calls auth.test from its constructor and an unreachable Slack becomes an
      // unhandled rejection; our init() below is awaited by start(), an ordinary error instead.
      deferInitialization: true,
      // Bolt's default conversation store answers every request that has a channel with a
      // rejected promise and a new Error (stack trace included): "Conversation not found". No
      // listener keeps conversation state, so that work is dropped.
      convoStore: false,
      logger: boltLogger,
      clientOptions,
    },
    { ledger, logger, clock },
  );

  async function whenIdle(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (app.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return app.inFlight === 0;
  }

  // Bolt's init is auth.test, a round trip to Slack: it runs while the caller registers the
  // listeners and builds the rest of the bot; start() awaits it and fails with its error.
  const initialised = app.init();
  initialised.catch(() => {});

  app.error(async (error) => {
    // A replay stops at its ack on purpose; GuardedApp logs it once.
    if ((error.original ?? error) instanceof ReplayedRequest) return;
    logger.error({ err: error.original ?? error, code: error.code }, 'unhandled error in a Slack listener');
  });

  return {
    app,
    async start() {
      await initialised;
      if (healthServer) {
        // Health first: it answers "connecting" while the socket opens.
        const server = healthServer;
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(config.port, () => resolve());
        });
        await app.start();
        return (server.address() as AddressInfo).port;
      }
      httpServer = (await app.start(
        config.host ? { port: config.port, host: config.host } : config.port,
      )) as Server;
      return (httpServer.address() as AddressInfo).port;
    },
    whenIdle,
    async stop(drainMs) {
      // drainMs bounds the whole stop: closing the receiver and the handlers finishing.
      const deadline = Date.now() + drainMs;
      const left = (atMost = Number.POSITIVE_INFINITY) =>
        Math.max(0, Math.min(atMost, deadline - Date.now()));
      const within = (work: Promise<unknown>, ms: number) =>
        Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms).unref())]);
      gate?.flush();
      // Bolt's stop does not wait for the socket's close handshake; left running, it holds the
      // process for 30 s after the stop.
      if (socketClient) await within(socketClient.disconnect(), left(3_000));
      await within(
        app.stop().catch((err) => logger.warn({ err }, 'stopping the Slack receiver failed')),
        left(),
      );
      await new Promise<void>((resolve) => {
        if (!healthServer?.listening) return resolve();
        healthServer.close(() => resolve());
        healthServer.closeAllConnections();
      });
      if (await whenIdle(left())) return;
      // Their work is cut short: say which, so what a person asked for and never got is on record.
      for (const request of app.requestsInFlight())
        logger.warn(
          { ...request, runningMs: clock().getTime() - request.since.getTime() },
          'stopped before this Slack request was done',
        );
    },
  };
}
