import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { ProactiveSender } from '../delivery/proactive-sender.ts';
import { EarshotError } from '../errors.ts';
import { conversationKey } from '../knowledge/workspaces/platform-ids.ts';
import { answerCard } from './cards/answer-card.ts';
import { parseCardAction, TEAMS_VERBS } from './cards/card-actions.ts';
import { invokeCard, invokeMessage } from './invoke-responses.ts';
import type { TeamsDeps } from './teams-bot.ts';
import { channelIdOf } from './teams-capture.ts';
import { teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';

/** Helpful / Not helpful, "Ask the curators" and "Ask without filters" on an answer card. */
export async function handleAnswerAction(
  deps: TeamsDeps,
  proactive: ProactiveSender,
  context: TurnContext,
  value: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  const workspaceId = teamsWorkspaceOf(context);
  const userId = teamsUserId(context);
  try {
    const { verb, q } = parseCardAction(value);
    if (verb === TEAMS_VERBS.dropFacets) return await askWithoutFacets(deps, context, q);
    if (verb === TEAMS_VERBS.routeToCurators)
      return invokeMessage(await routeToCurators(deps, proactive, { workspaceId, questionId: q, userId }));
    await deps.earshot.questions.recordFeedback({
      workspaceId,
      questionId: q,
      userId,
      helpful: verb === TEAMS_VERBS.helpful,
    });
    return invokeMessage(
      verb === TEAMS_VERBS.helpful
        ? 'Thanks, glad it helped.'
        : 'Thanks. The curators will see that this answer missed.',
    );
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    return invokeMessage(error.userMessage);
  }
}

/** Asks the card's question again without the facets it named; the answer replaces the card. */
async function askWithoutFacets(
  deps: TeamsDeps,
  context: TurnContext,
  questionId: number,
): Promise<AdaptiveCardInvokeResponse> {
  const workspaceId = teamsWorkspaceOf(context);
  const channel = channelIdOf(context.activity.conversation.id);
  const asked = await deps.earshot.questions.toAskAgain(
    workspaceId,
    questionId,
    conversationKey('teams', channel),
  );
  if (!asked) return invokeMessage('That answer is no longer available. Ask again.');
  const answer = await deps.earshot.ask({
    workspaceId,
    question: asked.text,
    askedBy: teamsUserId(context) || undefined,
    platform: 'teams',
    channel,
    privateConversation: asked.privateConversation,
    ignoreFacets: true,
  });
  return invokeCard(answerCard(answer));
}

/** Posts the question to the organization's curators' channel in Teams (a conversation Earshot is in). */
async function routeToCurators(
  deps: TeamsDeps,
  proactive: ProactiveSender,
  asked: { workspaceId: string; questionId: number; userId: string },
): Promise<string> {
  const { workspaceId, questionId } = asked;
  const answer = await deps.earshot.questions.answerOf(workspaceId, questionId);
  if (!answer) return 'That answer is no longer available. Ask again.';
  const channel = await deps.earshot.curators.channelOf(workspaceId, 'teams');
  const curators = channel
    ? await deps.earshot.conversations.find('teams', workspaceId, channel.conversationId)
    : null;
  if (!curators) {
    deps.logger.info(
      { platform: 'teams', workspace: workspaceId, ...asked },
      'no Teams curators channel to route to',
    );
    return 'Thanks. The curators will see this question in their list of unanswered questions.';
  }
  await proactive.send(curators, {
    kind: 'text',
    text: `Nobody has heard about this yet. A rep asked: “${answer.question}”`,
  });
  return 'Sent to the curators. Thanks!';
}
