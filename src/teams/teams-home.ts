import { CardFactory, type TurnContext } from 'botbuilder';
import { contributionsOf } from '../knowledge/curation/contributions.ts';
import { dueForReview, reviewQueue } from '../knowledge/curation/review-queue.ts';
import { conversationKey } from '../knowledge/workspaces/platform-ids.ts';
import { homeView, REVIEW_WINDOW_DAYS } from '../views/home-view.ts';
import { renderTeamsCard } from './cards/render-card.ts';
import { TEAMS_HELP_SYNTAX } from './help-syntax.ts';
import type { TeamsDeps } from './teams-bot.ts';
import { channelIdOf } from './teams-capture.ts';
import { mergeCandidates } from './teams-curation.ts';
import { isTeamsCurator } from './teams-curators.ts';
import { teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';

/** The words that open the personal home (what Slack's App Home shows). */
export const HOME_COMMANDS = new Set(['home', 'my contributions', 'contributions']);

/** Queued entries a card can carry with their Edit and Merge forms (24 KB holds about five). */
const MAX_QUEUED = 5;

/**
 * Sends the person's home card: what they can do, their contributions with citations, and for curators
 * the review queue and what is due. Entries private to another conversation stay there: contributions
 * are only counted, queued and due entries left out (the queue's size still counts them).
 */
export async function sendHome(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const workspaceId = teamsWorkspaceOf(context);
  const { db, curators } = deps.earshot;
  const here = conversationKey('teams', channelIdOf(context.activity.conversation.id));
  const visibleHere = (entry: { audience: string | null }) =>
    entry.audience === null || entry.audience === here;
  const isCurator = await isTeamsCurator(curators, context);
  const now = deps.earshot.clock.now();
  const [contributions, queue, due] = await Promise.all([
    contributionsOf(db, workspaceId, teamsUserId(context)),
    isCurator ? reviewQueue(db, workspaceId, MAX_QUEUED, here) : { entries: [], size: 0 },
    isCurator ? dueForReview(db, workspaceId, now, REVIEW_WINDOW_DAYS) : [],
  ]);
  const mergeTargets = new Map(
    await Promise.all(
      queue.entries.map(async (entry) => [entry.id, await mergeCandidates(deps, context, entry)] as const),
    ),
  );
  const view = homeView({
    isCurator,
    queue: queue.entries,
    queueSize: queue.size,
    dueForReview: due.filter(visibleHere),
    contributions: contributions.filter(({ entry }) => visibleHere(entry)),
    privateContributions: contributions.filter(({ entry }) => !visibleHere(entry)).length,
    mergeTargets,
    now,
    syntax: TEAMS_HELP_SYNTAX,
  });
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(renderTeamsCard(view))] });
}
