import { createHash } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

// RFC 6455 §1.3: the fixed GUID the server hashes with the client's key.
const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** The server side of one WebSocket connection. */
export interface WebSocketPeer {
  sendText(text: string): void;
  /** Starts the close handshake; the socket ends when the client answers or after a short grace period. */
  close(code?: number): void;
  onText(listener: (text: string) => void): void;
  closed: Promise<void>;
}

/**
 * Accepts WebSocket upgrades on `server` with just enough of RFC 6455 for a test peer: text frames,
 * fragmentation, ping/pong and the close handshake; no extensions. `ws` is not installed here, and
 * @slack/socket-mode 3 connects with undici's WebSocket, which any conforming server satisfies.
 */
export function acceptWebSockets(server: Server, onConnection: (peer: WebSocketPeer) => void): void {
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const key = req.headers['sec-websocket-key'];
    if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const accept = createHash('sha1')
      .update(key + HANDSHAKE_GUID)
      .digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    onConnection(createPeer(socket, head));
  });
}

function createPeer(socket: Duplex, head: Buffer): WebSocketPeer {
  const listeners: Array<(text: string) => void> = [];
  let buffered = head;
  let fragments: Buffer[] = [];
  let fragmentOpcode = 0;
  let closeSent = false;

  const send = (opcode: number, payload: Buffer) => {
    if (!socket.writable) return;
    socket.write(encodeFrame(opcode, payload));
  };
  const close = (code = 1000) => {
    if (closeSent) return;
    closeSent = true;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    send(OPCODE.close, payload);
    setTimeout(() => socket.destroy(), 500).unref();
  };

  const onFrame = (frame: Frame) => {
    if (frame.opcode === OPCODE.ping) return send(OPCODE.pong, frame.payload);
    if (frame.opcode === OPCODE.pong) return;
    if (frame.opcode === OPCODE.close) {
      // Echo the close, as the client waits for it before it considers the connection closed.
      if (!closeSent) send(OPCODE.close, frame.payload.subarray(0, 2));
      closeSent = true;
      socket.end();
      return;
    }
    if (frame.opcode !== OPCODE.continuation) fragmentOpcode = frame.opcode;
    fragments.push(frame.payload);
    if (!frame.fin) return;
    const message = Buffer.concat(fragments);
    fragments = [];
    if (fragmentOpcode === OPCODE.text) for (const listener of listeners) listener(message.toString('utf8'));
  };

  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (let frame = decodeFrame(buffered); frame; frame = decodeFrame(buffered)) {
      buffered = buffered.subarray(frame.length);
      onFrame(frame);
    }
  });
  socket.on('error', () => socket.destroy());

  return {
    sendText: (text) => send(OPCODE.text, Buffer.from(text, 'utf8')),
    close,
    onText: (listener) => {
      listeners.push(listener);
    },
    closed: new Promise((resolve) => socket.once('close', () => resolve())),
  };
}

interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
  /** Bytes the frame took in the buffer. */
  length: number;
}

/** One frame from the start of `data`, or undefined until all of it has arrived. */
function decodeFrame(data: Buffer): Frame | undefined {
  if (data.length < 2) return undefined;
  const first = data[0] ?? 0;
  const second = data[1] ?? 0;
  let offset = 2;
  let size = second & 0x7f;
  if (size === 126) {
    if (data.length < 4) return undefined;
    size = data.readUInt16BE(2);
    offset = 4;
  } else if (size === 127) {
    if (data.length < 10) return undefined;
    size = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (second & 0x80) !== 0;
  const maskOffset = offset;
  if (masked) offset += 4;
  if (data.length < offset + size) return undefined;
  const payload = Buffer.from(data.subarray(offset, offset + size));
  if (masked) {
    for (let i = 0; i < payload.length; i += 1) {
      payload[i] = (payload[i] ?? 0) ^ (data[maskOffset + (i % 4)] ?? 0);
    }
  }
  return { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload, length: offset + size };
}

/** A single unmasked frame, as servers send them. */
function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const size = payload.length;
  const header = Buffer.alloc(size < 126 ? 2 : size < 65536 ? 4 : 10);
  header[0] = 0x80 | opcode;
  if (size < 126) {
    header[1] = size;
  } else if (size < 65536) {
    header[1] = 126;
    header.writeUInt16BE(size, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(size), 2);
  }
  return Buffer.concat([header, payload]);
}
