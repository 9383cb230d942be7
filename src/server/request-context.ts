import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';

/** What the process-level error handlers need to know about the request an error escaped from. */
export interface RequestContext {
  requestId: string;
  response: ServerResponse;
}

// Async-local, so an error thrown in a callback or promise a route left behind still names its request.
const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The request being handled where this is called, if any. */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
