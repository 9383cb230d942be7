import type { Database } from '../../db/database.ts';
import { topContributors } from '../../digest/contributors.ts';
import type { DigestContributor, GapList, UnhelpfulAnswer } from '../../digest/digest.ts';
import { contentGaps } from '../../digest/gaps.ts';
import { type CitedEntry, mostCitedEntries } from './most-cited.ts';
import { type QuestionWeek, questionWeeks } from './question-weeks.ts';
import { type UnansweredSubject, unansweredSubjects } from './unanswered-subjects.ts';

/** The periods the insight page offers, in days. */
export const INSIGHT_PERIODS = [7, 30, 90, 365] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];

const LISTED = 20;

export interface Insight {
  period: InsightPeriod;
  from: Date;
  to: Date;
  unanswered: { subjects: UnansweredSubject[]; askedInPrivate: number };
  notHelpful: GapList<UnhelpfulAnswer>;
  weeks: QuestionWeek[];
  contributors: DigestContributor[];
  mostCited: CitedEntry[];
}

/**
 * What curators learn from the last `period` days: gaps by subject, answers voted not helpful (the
 * digest's gap query, shown outside any conversation), questions per week, the contributors' leaderboard
 * (the digest's) and the most-cited entries.
 */
export async function loadInsight(
  db: Database,
  organization: string,
  period: InsightPeriod,
  now: Date,
): Promise<Insight> {
  const to = now;
  const from = new Date(now.getTime() - period * 86_400_000);
  const scope = { db, workspaceId: organization, from, to, topics: null, shownIn: null };
  const [unanswered, gaps, weeks, contributors, mostCited] = await Promise.all([
    unansweredSubjects(db, organization, { from, to }),
    contentGaps(scope, LISTED),
    questionWeeks(db, organization, { from, to }),
    topContributors(scope, LISTED),
    mostCitedEntries(db, organization, { from, to }, LISTED),
  ]);
  return {
    period,
    from,
    to,
    unanswered,
    notHelpful: gaps.notHelpful,
    weeks,
    contributors: contributors.items,
    mostCited,
  };
}
