import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { SLACK_IDS } from './slack-ids.ts';

/** What Slack pushes over a Socket Mode connection. */
export interface SocketModeEnvelope {
  type: 'events_api' | 'slash_commands' | 'interactive';
  /** An event_callback, a slash command object or an interaction payload, as built by slack-payloads.ts. */
  payload: unknown;
  envelope_id?: string;
  accepts_response_payload?: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/** What the client sends back: the envelope id and, for commands and some interactions, a response payload. */
export interface SocketModeAck {
  envelope_id: string;
  payload?: unknown;
}

export interface FakeSocketMode {
  /** The `wss`-style URL `apps.connections.open` should hand out; pass to `startFakeSlackApi({ socketModeUrl })`. */
  url: string;
  /** Resolves once a client has connected and been sent `hello`. */
  connected: Promise<void>;
  /** Resolves once `count` connections have been made in all, e.g. 2 after a reconnect. */
  whenConnected(count: number): Promise<void>;
  /** Sends the envelope to the newest connection and resolves with the client's ack for it. */
  send(envelope: SocketModeEnvelope, options?: { timeoutMs?: number }): Promise<SocketModeAck>;
  acks: SocketModeAck[];
  /** Asks the client to reconnect, as Slack does before recycling a connection. */
  requestReconnect(): void;
  close(): Promise<void>;
}

/** A local Socket Mode endpoint: a WebSocket server on 127.0.0.1 that greets with `hello` and collects acks. */
export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  // ws answers protocol pings itself and turns plain HTTP requests away with 426.
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const acks: SocketModeAck[] = [];
  const pending = new Map<string, (ack: SocketModeAck) => void>();
  const connectionWaiters: Array<{ count: number; resolve: () => void }> = [];
  let connections = 0;
  const whenConnected = (count: number) =>
    connections >= count
      ? Promise.resolve()
      : new Promise<void>((resolve) => connectionWaiters.push({ count, resolve }));
  const connected = whenConnected(1);
  // server.clients holds the open connections in the order they were made, and drops each once it closes.
  const sendJson = (peer: WebSocket, message: unknown) => peer.send(JSON.stringify(message));

  server.on('connection', (peer) => {
    // ws closes a connection that breaks the protocol itself; the listener only keeps the error from being thrown.
    peer.on('error', () => {});
    peer.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      const ack = parseAck(rawText(data));
      if (!ack) return;
      acks.push(ack);
      pending.get(ack.envelope_id)?.(ack);
      pending.delete(ack.envelope_id);
    });
    sendJson(peer, helloMessage(server.clients.size));
    connections += 1;
    for (const waiter of connectionWaiters) if (connections >= waiter.count) waiter.resolve();
  });
  const { port } = server.address() as AddressInfo;

  const send: FakeSocketMode['send'] = async (envelope, { timeoutMs = 3_000 } = {}) => {
    await connected;
    const peer = [...server.clients].at(-1);
    if (!peer) throw new Error('fake-socket-mode: no client is connected');
    const message = withDefaults(envelope);
    const ack = new Promise<SocketModeAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(message.envelope_id);
        reject(new Error(`fake-socket-mode: no ack for ${message.type} envelope within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(message.envelope_id, (received) => {
        clearTimeout(timer);
        resolve(received);
      });
    });
    sendJson(peer, message);
    return ack;
  };

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake-ticket&app_id=${SLACK_IDS.appId}`,
    connected,
    whenConnected,
    send,
    acks,
    requestReconnect: () => {
      for (const peer of server.clients) {
        sendJson(peer, { type: 'disconnect', reason: 'refresh_requested', debug_info: {} });
      }
    },
    close: async () => {
      // Going away (1001), as Slack closes; a client that is mid-handshake or slow to answer is cut off shortly after.
      for (const peer of server.clients) peer.close(1001);
      const cutOff = setTimeout(() => {
        for (const peer of server.clients) peer.terminate();
      }, 250);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      clearTimeout(cutOff);
    },
  };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function helloMessage(connections: number) {
  return {
    type: 'hello',
    num_connections: connections,
    debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
    connection_info: { app_id: SLACK_IDS.appId },
  };
}

function withDefaults(envelope: SocketModeEnvelope) {
  const base = {
    envelope_id: envelope.envelope_id ?? randomUUID(),
    type: envelope.type,
    payload: envelope.payload,
    accepts_response_payload: envelope.accepts_response_payload ?? acceptsResponsePayload(envelope),
  };
  if (envelope.type !== 'events_api') return base;
  return { ...base, retry_attempt: envelope.retry_attempt ?? 0, retry_reason: envelope.retry_reason ?? '' };
}

// Slack lets commands and view submissions answer through the ack; events and button clicks cannot.
function acceptsResponsePayload(envelope: SocketModeEnvelope): boolean {
  if (envelope.type === 'slash_commands') return true;
  if (envelope.type === 'events_api') return false;
  const type = (envelope.payload as { type?: unknown } | null)?.type;
  return type === 'view_submission' || type === 'block_suggestion';
}

function parseAck(text: string): SocketModeAck | undefined {
  try {
    const value = JSON.parse(text) as Partial<SocketModeAck>;
    return typeof value.envelope_id === 'string'
      ? { envelope_id: value.envelope_id, payload: value.payload }
      : undefined;
  } catch {
    return undefined;
  }
}
