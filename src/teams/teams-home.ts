import { CardFactory, type TurnContext } from 'botbuilder';
import { contributionsOf } from '../knowledge/curation/contributions.ts';
import { dueForReview, reviewQueue } from '../knowledge/curation/review-queue.ts';
import { homeCard } from './cards/home-card.ts';
import type { TeamsDeps } from './teams-bot.ts';
import { isTeamsCurator } from './teams-curators.ts';
import { teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';

/** The words that open the personal home (what Slack's App Home shows). */
export const HOME_COMMANDS = new Set(['home', 'my contributions', 'contributions']);

const DUE_WINDOW_DAYS = 14;

/**
 * Sends the person's home card: their contributions with citations (private ones only counted, since
 * this chat is not the conversation they came from) and, for curators, what waits for review.
 */
export async function sendHome(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const workspaceId = teamsWorkspaceOf(context);
  const { db, curators } = deps.earshot;
  const isCurator = await isTeamsCurator(curators, context);
  const now = new Date();
  const [contributions, queue, due] = await Promise.all([
    contributionsOf(db, workspaceId, teamsUserId(context)),
    isCurator ? reviewQueue(db, workspaceId, 0) : undefined,
    isCurator ? dueForReview(db, workspaceId, now, DUE_WINDOW_DAYS) : undefined,
  ]);
  const card = homeCard({
    contributions: contributions.filter(({ entry }) => entry.audience === null),
    privateContributions: contributions.filter(({ entry }) => entry.audience !== null).length,
    curator:
      queue && due
        ? { pending: queue.size, dueForReview: due.length, windowDays: DUE_WINDOW_DAYS }
        : undefined,
  });
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}
