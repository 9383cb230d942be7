import { afterEach, describe, expect, it, vi } from 'vitest';
import { RefreshingCache } from '../src/refreshing-cache.ts';

describe('RefreshingCache', () => {
  afterEach(() => vi.useRealTimers());

  it('answers from memory, refreshes once in the background when stale, and keeps answering while the refresh fails', async () => {
    vi.useFakeTimers();
    const cache = new RefreshingCache<string>(5_000);
    const refresh = vi.fn(async () => {
      throw new Error('database down');
    });
    expect(cache.get('slack:T1', refresh)).toBeUndefined();
    cache.set('slack:T1', 'org-a');
    expect(cache.get('slack:T1', refresh)).toBe('org-a');
    expect(refresh).not.toHaveBeenCalled();

    vi.advanceTimersByTime(5_001);
    expect(cache.get('slack:T1', refresh)).toBe('org-a');
    expect(cache.get('slack:T1', refresh)).toBe('org-a');
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.runAllTimersAsync();
    expect(cache.get('slack:T1', refresh)).toBe('org-a');

    cache.set('slack:T1', 'org-b');
    expect(cache.get('slack:T1', refresh)).toBe('org-b');
    cache.delete('slack:T1');
    expect(cache.has('slack:T1')).toBe(false);
  });
});
