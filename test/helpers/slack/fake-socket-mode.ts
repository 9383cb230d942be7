import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SLACK_IDS } from './slack-ids.ts';
import { acceptWebSockets, type WebSocketPeer } from './websocket-server.ts';

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
  const server = createServer((_req, res) => res.writeHead(426).end());
  const peers: WebSocketPeer[] = [];
  const acks: SocketModeAck[] = [];
  const pending = new Map<string, (ack: SocketModeAck) => void>();
  const connectionWaiters: Array<{ count: number; resolve: () => void }> = [];
  let connections = 0;
  const whenConnected = (count: number) =>
    connections >= count
      ? Promise.resolve()
      : new Promise<void>((resolve) => connectionWaiters.push({ count, resolve }));
  const connected = whenConnected(1);

  acceptWebSockets(server, (peer) => {
    peers.push(peer);
    peer.closed.then(() => peers.splice(peers.indexOf(peer), 1));
    peer.onText((text) => {
      const ack = parseAck(text);
      if (!ack) return;
      acks.push(ack);
      pending.get(ack.envelope_id)?.(ack);
      pending.delete(ack.envelope_id);
    });
    peer.sendText(JSON.stringify(helloMessage(peers.length)));
    connections += 1;
    for (const waiter of connectionWaiters) if (connections >= waiter.count) waiter.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const send: FakeSocketMode['send'] = async (envelope, { timeoutMs = 3_000 } = {}) => {
    await connected;
    const peer = peers.at(-1);
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
    peer.sendText(JSON.stringify(message));
    return ack;
  };

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake-ticket&app_id=${SLACK_IDS.appId}`,
    connected,
    whenConnected,
    send,
    acks,
    requestReconnect: () => {
      for (const peer of peers) {
        peer.sendText(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: {} }));
      }
    },
    close: async () => {
      for (const peer of peers) peer.close(1001);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
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
