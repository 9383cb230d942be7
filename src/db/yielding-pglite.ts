import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';

/**
 * The same PGlite, except that every query hands the event loop a turn before its result is used.
 * PGlite runs PostgreSQL on this thread and resolves queries without waiting for any I/O, so a chain
 * of queries (an index build, forty questions answered at once) otherwise runs as one unbroken stream
 * of microtasks: HTTP requests, Slack's acks among them, waited seconds behind it. `earshot serve`
 * now keeps PGlite on a thread of its own (pglite-owner.ts); this still serves a server that opens
 * PGlite in-process (the test harnesses) and costs one-shot commands one turn per query.
 */
export function yieldingPglite(pglite: PGlite): PGlite {
  return yielding(pglite);
}

function yielding<T extends PGlite | Transaction>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      if (property === 'query' || property === 'exec') return yieldAfter(object, property);
      if (property === 'transaction' && 'transaction' in object) {
        return <R>(work: (tx: Transaction) => Promise<R>) => object.transaction((tx) => work(yielding(tx)));
      }
      // The real object as `this`: PGlite keeps its state in private fields a proxy cannot reach.
      const value = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

function yieldAfter(target: PGlite | Transaction, method: 'query' | 'exec') {
  const call = (target[method] as (...args: unknown[]) => Promise<unknown>).bind(target);
  return async (...args: unknown[]) => {
    try {
      return await call(...args);
    } finally {
      await nextTurn();
    }
  };
}
