/**
 * Slack's side of Socket Mode, for the test bench and the sandbox: `apps.connections.open`
 * (answered by the emulator) hands out this server's URL; a client that connects gets
 * `hello`; envelopes (`slash_commands`, `interactive`, `events_api`) are delivered to the
 * newest connection and every ack is recorded. `requestRefresh()` sends the `disconnect`
 * message Slack sends before it recycles a connection; the client then opens a new one.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface SocketAck {
  envelopeId: string;
  // biome-ignore lint/suspicious/noExplicitAny: ack payloads are arbitrary JSON (response_action, errors…).
  payload?: any;
}

export interface DeliverOptions {
  /** Reuse an envelope id to deliver the same envelope again. */
  envelopeId?: string;
  /** How long to wait for the ack: Slack gives up after 3 seconds. */
  ackWithinMs?: number;
}

export interface SocketModeStandIn {
  /** What `apps.connections.open` answers with. */
  readonly url: string;
  readonly acks: SocketAck[];
  /** Handshakes completed (a reconnect adds one). */
  readonly hellos: number;
  isConnected(): boolean;
  waitForConnection(timeoutMs?: number): Promise<void>;
  /** Sends an envelope to the connected client; resolves with its ack, rejects when none comes in time. */
  deliver(type: EnvelopeType, payload: Record<string, unknown>, options?: DeliverOptions): Promise<SocketAck>;
  /** Slack's `disconnect` (`refresh_requested`): the client is expected to reconnect. */
  requestRefresh(): void;
  close(): Promise<void>;
}

const PATH = '/socket-mode';
/** Slack pings every few seconds; the client treats a long silence as a dead connection. */
const PING_EVERY_MS = 10_000;

export function attachSocketMode(server: Server, baseUrl: () => string, appId: string): SocketModeStandIn {
  const wss = new WebSocketServer({ noServer: true });
  const acks: SocketAck[] = [];
  const ackWaiters = new Map<string, (ack: SocketAck) => void>();
  const connectionWaiters = new Set<() => void>();
  let current: WebSocket | undefined;
  let hellos = 0;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', baseUrl()).pathname !== PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    current = ws;
    const ping = setInterval(() => ws.ping(), PING_EVERY_MS);
    ping.unref();
    ws.on('close', () => {
      clearInterval(ping);
      if (current === ws) current = undefined;
    });
    ws.on('message', (data) => {
      let message: { envelope_id?: unknown; payload?: unknown };
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (typeof message.envelope_id !== 'string') return;
      const ack: SocketAck = {
        envelopeId: message.envelope_id,
        ...(message.payload === undefined ? {} : { payload: message.payload }),
      };
      acks.push(ack);
      ackWaiters.get(ack.envelopeId)?.(ack);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'slack-stand-in', approximate_connection_time: 18060 },
        connection_info: { app_id: appId },
      }),
    );
    hellos += 1;
    for (const resolve of connectionWaiters) resolve();
    connectionWaiters.clear();
  });

  const isConnected = () => current?.readyState === 1;

  function waitForConnection(timeoutMs = 15_000): Promise<void> {
    if (isConnected()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        connectionWaiters.delete(done);
        reject(new Error(`no Socket Mode client connected within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      connectionWaiters.add(done);
    });
  }

  return {
    get url() {
      return `${baseUrl().replace(/^http/, 'ws').replace(/\/$/, '')}${PATH}`;
    },
    acks,
    get hellos() {
      return hellos;
    },
    isConnected,
    waitForConnection,
    async deliver(type, payload, options = {}) {
      await waitForConnection();
      const envelopeId = options.envelopeId ?? randomUUID();
      const acked = new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          ackWaiters.delete(envelopeId);
          reject(
            new Error(
              `envelope ${envelopeId} (${type}) was not acked within ${options.ackWithinMs ?? 3000} ms`,
            ),
          );
        }, options.ackWithinMs ?? 3_000);
        ackWaiters.set(envelopeId, (ack) => {
          clearTimeout(timer);
          ackWaiters.delete(envelopeId);
          resolve(ack);
        });
      });
      current?.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
        }),
      );
      return acked;
    },
    requestRefresh() {
      current?.send(
        JSON.stringify({
          type: 'disconnect',
          reason: 'refresh_requested',
          debug_info: { host: 'slack-stand-in' },
        }),
      );
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
