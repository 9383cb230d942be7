/** What `earshot serve`'s database thread is started with. */
export interface OwnerThreadOptions {
  dataDir: string;
  socket: string;
}

/** What the database thread tells the main thread. Errors cross as plain data (their class is lost). */
export type OwnerThreadMessage =
  | { type: 'ready' }
  | { type: 'closed' }
  | { type: 'failed'; error: { message: string; name?: string; code?: unknown; errno?: unknown } };
