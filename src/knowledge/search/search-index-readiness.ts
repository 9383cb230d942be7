import type { ReadinessState } from '../../server/readiness.ts';
import type { SearchIndexWarmup } from './search-index-warmup.ts';

/** Ready once every workspace's search index is built, so the first questions are answered at full speed. */
export function searchIndexReadiness(warmup: SearchIndexWarmup): () => ReadinessState {
  return () => {
    const { ready, built, total, error } = warmup.status();
    if (ready) return { ok: true, state: `ready (${built} workspace indexes warm)` };
    const progress = total === undefined ? 'not started' : `${built} of ${total} workspace indexes built`;
    return {
      ok: false,
      state: error ? `starting: ${progress}; last attempt failed: ${error}` : `starting: ${progress}`,
    };
  };
}
