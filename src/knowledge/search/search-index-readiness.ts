import type { SearchIndexWarmup } from './search-index-warmup.ts';

/** One named part of the server's readiness (`GET /readyz` lists each). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<{ ready: boolean; detail?: string }>;
}

/** Ready once every workspace's search index is built, so the first questions are answered at full speed. */
export function searchIndexReadiness(warmup: SearchIndexWarmup): ReadinessCheck {
  return {
    name: 'search-index',
    check: async () => {
      const { ready, built, total, error } = warmup.status();
      if (ready) return { ready, detail: `${built} workspace index(es) warm` };
      const progress = total === undefined ? 'not started' : `${built} of ${total} workspace indexes built`;
      return { ready, detail: error ? `${progress}; last attempt failed: ${error}` : progress };
    },
  };
}
