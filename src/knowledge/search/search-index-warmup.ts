import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import type { WorkspaceIndexCache } from './workspace-index-cache.ts';

const RETRY_MS = 5_000;

export interface WarmupState {
  ready: boolean;
  /** Workspaces built so far, and how many there are to build. */
  built: number;
  total: number | undefined;
  /** Why the last attempt failed, when it did (retried every few seconds). */
  error?: string;
}

/**
 * Builds every workspace's search index when the server starts, most recently asked first, so no
 * question (and no request waiting behind one) pays for a build. The build yields to the event
 * loop as it goes; until it is done the server is live but not ready.
 */
export class SearchIndexWarmup {
  private state: WarmupState = { ready: false, built: 0, total: undefined };
  private running: Promise<void> | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(private readonly deps: { db: Database; indexes: WorkspaceIndexCache; logger: Logger }) {}

  /** Starts building in the background; the returned promise settles when every index is built. */
  start(): Promise<void> {
    this.stopped = false;
    this.running ??= this.run();
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  status(): WarmupState {
    return { ...this.state };
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.buildAll();
        return;
      } catch (error) {
        if (this.stopped) return; // the database closed under it at shutdown
        this.state = { ...this.state, error: String((error as Error)?.message ?? error) };
        this.deps.logger.warn({ err: error }, 'search index warm-up failed; retrying in 5 s');
        await new Promise<void>((resolve) => {
          this.retry = setTimeout(resolve, RETRY_MS);
          this.retry.unref();
        });
      }
    }
  }

  private async buildAll() {
    const started = performance.now();
    const workspaces = await workspacesToWarm(this.deps.db);
    this.state = { ready: false, built: 0, total: workspaces.length };
    for (const workspaceId of workspaces) {
      if (this.stopped) return;
      await this.deps.indexes.get(workspaceId);
      this.state = { ...this.state, built: this.state.built + 1 };
    }
    this.state = { ready: true, built: workspaces.length, total: workspaces.length };
    this.deps.logger.info(
      { workspaces: workspaces.length, ms: Math.round(performance.now() - started) },
      'search indexes warm',
    );
  }
}

/** Workspaces with published entries, the one asked most recently first. */
async function workspacesToWarm(db: Database): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT w.id FROM workspaces w
     WHERE EXISTS (SELECT 1 FROM entries e WHERE e.workspace_id = w.id AND e.status = 'published')
     ORDER BY (SELECT max(q.created_at) FROM questions q WHERE q.workspace_id = w.id) DESC NULLS LAST, w.id`,
  );
  return rows.map((row) => row.id);
}
