import type { PGlite } from '@electric-sql/pglite';

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const PROTOCOL_V3 = 196_608;
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

/**
 * Runs the wire-protocol messages of every socket client on one PGlite, one client's unit of work at a
 * time, and never inside the owning process's own queries or transactions.
 *
 * PGlite has a single backend session. pglite-socket's own queue only keeps a client's explicit
 * transaction together; between the Parse, Bind, Execute and Sync of one query another client (or the
 * owner's in-process Prisma) could run its statements, and the owner's `pglite.query()` and
 * `transaction()` run inside a client's open transaction. Here a client holds PGlite's transaction
 * mutex, the one every in-process query and transaction takes, from its first message until the backend
 * is idle again after a Sync or a simple Query: a pg pool of several connections and the owner then take
 * turns whole statements or whole transactions at a time.
 *
 * Implements the interface pglite-socket's `PGLiteSocketHandler` expects of its `queryQueue`.
 */
export class SessionQueue {
  readonly #db: PGlite;
  readonly #idleLimitMs: number;
  readonly #evict: (handlerId: number) => void;
  #idleTimer: NodeJS.Timeout | undefined;
  #queue: Queued[] = [];
  #processing = false;
  /** The client whose unit of work is open, and how to give the mutex back. */
  #holder: { handlerId: number; release: () => void } | null = null;
  /** Clients that disconnected: their unit of work is rolled back as soon as nothing of theirs runs. */
  readonly #gone = new Set<number>();

  /**
   * `evict` disconnects a client that kept its transaction open without sending anything for
   * `idleLimitMs` (a stopped or hung process): everyone else, the owner included, waits on it meanwhile.
   */
  constructor(db: PGlite, options: { idleLimitMs: number; evict: (handlerId: number) => void }) {
    this.#db = db;
    this.#idleLimitMs = options.idleLimitMs;
    this.#evict = options.evict;
  }

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ handlerId, message, onData, resolve, reject });
      void this.#process();
    });
  }

  getQueueLength(): number {
    return this.#queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.#queue = this.#queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /** A client that went away mid-work: end its statement, roll back its transaction, let the others in. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    this.#gone.add(handlerId);
    if (this.#holder?.handlerId !== handlerId || this.#processing) return;
    await this.#abandonHolder();
    void this.#process();
  }

  async #abandonHolder(): Promise<void> {
    try {
      await this.#db.runExclusive(async () => {
        await this.#db.execProtocolRawStream(SYNC_MESSAGE, { onRawData: () => {} });
        if (this.#db.isInTransaction()) {
          await this.#db.execProtocolRawStream(simpleQuery('ROLLBACK'), { onRawData: () => {} });
        }
      });
    } finally {
      this.#releaseHolder();
    }
  }

  async #process(): Promise<void> {
    if (this.#processing) return;
    this.#processing = true;
    try {
      for (;;) {
        if (this.#holder && this.#gone.has(this.#holder.handlerId)) await this.#abandonHolder();
        const holder = this.#holder;
        const index = holder ? this.#queue.findIndex((item) => item.handlerId === holder.handlerId) : 0;
        // While a client's unit of work is open only its own messages may run; it sends them next.
        if (index === -1 || this.#queue.length === 0) {
          if (holder) this.#watchIdle(holder.handlerId);
          return;
        }
        clearTimeout(this.#idleTimer);
        const [item] = this.#queue.splice(index, 1);
        if (!item) return;
        if (!this.#holder) await this.#acquire(item.handlerId);
        await this.#run(item);
      }
    } finally {
      this.#processing = false;
    }
  }

  async #acquire(handlerId: number): Promise<void> {
    const release = await new Promise<() => void>((acquired) => {
      void this.#db._runExclusiveTransaction(() => new Promise<void>((done) => acquired(done)));
    });
    this.#holder = { handlerId, release };
  }

  async #run(item: Queued): Promise<void> {
    let bytes = 0;
    try {
      await this.#db.runExclusive(() =>
        this.#db.execProtocolRawStream(item.message, {
          onRawData: (data) => {
            bytes += data.length;
            item.onData(data);
          },
        }),
      );
    } catch (error) {
      this.#releaseHolder();
      item.reject(error);
      return;
    }
    if (endsUnitOfWork(item.message) && !this.#db.isInTransaction()) this.#releaseHolder();
    item.resolve(bytes);
  }

  #watchIdle(handlerId: number): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (this.#holder?.handlerId === handlerId) this.#evict(handlerId);
    }, this.#idleLimitMs);
    this.#idleTimer.unref();
  }

  #releaseHolder(): void {
    clearTimeout(this.#idleTimer);
    const holder = this.#holder;
    this.#holder = null;
    holder?.release();
  }
}

/** A Sync or simple Query leaves the backend ready for the next client unless a transaction is open. */
function endsUnitOfWork(message: Uint8Array): boolean {
  const type = message[0];
  if (type === SYNC || type === QUERY || type === TERMINATE) return true;
  // The startup packet has no type byte: its length, then the protocol version.
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  return message.byteLength >= 8 && view.getInt32(4) === PROTOCOL_V3;
}

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message[0] = QUERY;
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}
