import type { Digest } from '../../src/digest/digest.ts';

const none = { items: [], more: 0 };

/**
 * A digest of the workspace and period with nothing in it, not marked empty: renderer tests override
 * the sections they are about.
 */
export function blankDigest(
  workspaceId: string,
  period: Digest['period'],
  overrides: Partial<Digest> = {},
): Digest {
  return {
    workspaceId,
    period,
    topics: null,
    forCurators: false,
    generatedAt: period.to,
    chatter: { entries: 0, reps: 0, accounts: 0 },
    themes: none,
    tips: none,
    citedTips: none,
    research: none,
    triggers: none,
    gaps: null,
    contributors: none,
    empty: false,
    ...overrides,
  };
}
