import { type Clock, systemClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { EarshotError } from '../errors.ts';
import { OBJECTIVE_KINDS } from '../knowledge/entry.ts';
import { topContributors } from './contributors.ts';
import { type Digest, type DigestLimits, resolveLimits } from './digest.ts';
import type { DigestScope } from './digest-scope.ts';
import { contentGaps } from './gaps.ts';
import { citedOlderTips, newEntries } from './new-entries.ts';
import { buildThemes } from './themes.ts';
import { triggersOfPeriod } from './triggers.ts';

export interface DigestRequest {
  workspaceId: string;
  /** Start of the period, inclusive. */
  from: Date;
  /** End of the period, exclusive. */
  to: Date;
  /** Only entries with one of these topics (any case) in themes, tips and research. */
  topics?: string[];
  /** Curators' digests also carry content gaps and the review queue size. */
  forCurators: boolean;
  /** Caps per section (defaults in DEFAULT_DIGEST_LIMITS), or `'full'` for none. */
  limits?: Partial<DigestLimits> | 'full';
  /**
   * Where the digest will be shown, as a conversation key (`conversationKey('slack', 'C0123')`);
   * omitted outside any conversation. Questions asked in a private conversation are shown only there.
   */
  shownIn?: string;
}

/**
 * The content of one digest for a workspace and period, never including private entries, and listing
 * privately asked questions only in the conversation they were asked in (elsewhere they are counted).
 */
export async function buildDigest(
  deps: { db: Database; clock?: Clock },
  request: DigestRequest,
): Promise<Digest> {
  const { from, to } = request;
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
    throw new EarshotError({
      code: 'invalid_input',
      message: `Digest period must have from < to, got ${String(from)} – ${String(to)}`,
      userMessage: 'The digest period must start before it ends.',
    });
  }
  const limits = resolveLimits(request.limits);
  const topics = normalizeTopics(request.topics);
  const scope: DigestScope = {
    db: deps.db,
    workspaceId: request.workspaceId,
    from,
    to,
    topics,
    shownIn: request.shownIn ?? null,
  };
  const [{ chatter, themes }, tips, citedTips, research, triggers, gaps, contributors] = await Promise.all([
    buildThemes(scope, limits),
    newEntries(scope, ['tip'], limits.tips),
    citedOlderTips(scope, limits.citedTips),
    // Demo material is listed with research and expert content: all three are objective (entry.ts).
    newEntries(scope, [...OBJECTIVE_KINDS], limits.research),
    triggersOfPeriod(scope, limits.triggers),
    request.forCurators ? contentGaps(scope, limits.gaps) : Promise.resolve(null),
    topContributors(scope, limits.contributors),
  ]);
  const sizes = [
    chatter.entries,
    tips,
    citedTips,
    research,
    triggers,
    gaps?.unanswered,
    gaps?.notHelpful,
  ].map((section) =>
    typeof section === 'number'
      ? section
      : section
        ? section.items.length + section.more + ('askedInPrivate' in section ? section.askedInPrivate : 0)
        : 0,
  );
  return {
    workspaceId: request.workspaceId,
    period: { from, to },
    topics,
    forCurators: request.forCurators,
    generatedAt: (deps.clock ?? systemClock).now(),
    chatter,
    themes,
    tips,
    citedTips,
    research,
    triggers,
    gaps,
    contributors,
    empty: sizes.every((size) => size === 0),
  };
}

function normalizeTopics(topics: string[] | undefined): string[] | null {
  if (!topics) return null;
  const cleaned = [...new Set(topics.map((topic) => topic.trim().toLowerCase()).filter(Boolean))];
  return cleaned.length > 0 ? cleaned : null;
}
