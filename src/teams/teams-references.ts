import { type AdaptiveCardInvokeResponse, CardFactory, type TurnContext } from 'botbuilder';
import { EarshotError } from '../errors.ts';
import type { Earshot } from '../main.ts';
import { requestSentReply } from '../views/request-sent-reply.ts';
import type { PersonRef } from '../views/view-model.ts';
import { parseReferenceAction, type ReferenceAction } from './cards/reference-card-actions.ts';
import { referenceDecidedCard, referenceDoneCard } from './cards/reference-cards.ts';
import { referenceListCard } from './cards/reference-list-card.ts';
import { invokeCard, invokeMessage } from './invoke-responses.ts';
import { teamsReplyText } from './render-reply.ts';
import { isTeamsCurator } from './teams-curators.ts';
import { teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';

export interface TeamsReferenceDeps {
  earshot: Pick<Earshot, 'references' | 'people' | 'curators'>;
}

/** `references [criteria]`, any case; null for any other text. */
export function referencesCriteria(command: string): string | null {
  const match = /^references(?:\s+(.*))?$/is.exec(command.trim());
  return match ? (match[1] ?? '').trim() : null;
}

/** Answers `references [criteria]`: who can take a call now, then who can't and why. */
export async function sendReferenceList(
  deps: TeamsReferenceDeps,
  context: TurnContext,
  criteria: string,
): Promise<void> {
  const references = await deps.earshot.references.check({
    workspaceId: teamsWorkspaceOf(context),
    criteria,
  });
  // Only curators see "Request anyway"; asking costs a profile lookup, so only when it matters.
  const isCurator = references.some((reference) => !reference.available)
    ? await isTeamsCurator(deps.earshot.curators, context)
    : false;
  const card = referenceListCard(references, { criteria, isCurator });
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}

/** Request (rep), Approve / Decline (owner) and Mark call done on reference cards. */
export async function handleReferenceAction(
  deps: TeamsReferenceDeps,
  context: TurnContext,
  value: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  try {
    const action = parseReferenceAction(value);
    const actor = {
      workspaceId: teamsWorkspaceOf(context),
      platform: 'teams' as const,
      userId: teamsUserId(context),
      isCurator: await isTeamsCurator(deps.earshot.curators, context),
    };
    return await act(deps, actor, action);
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    return invokeMessage(error.userMessage);
  }
}

type Actor = { workspaceId: string; platform: 'teams'; userId: string; isCurator: boolean };

async function act(
  deps: TeamsReferenceDeps,
  actor: Actor,
  action: ReferenceAction,
): Promise<AdaptiveCardInvokeResponse> {
  const { references } = deps.earshot;
  switch (action.verb) {
    case 'request': {
      const outcome = await references.request({
        ...actor,
        referenceId: action.referenceId,
        note: action.note,
        override: action.override,
      });
      return invokeMessage(teamsReplyText(requestSentReply(outcome, 'Teams')));
    }
    case 'approve':
    case 'decline': {
      const outcome = await references.decide({
        ...actor,
        requestId: action.requestId,
        approve: action.verb === 'approve',
        note: action.note,
      });
      const [requester, decidedBy] = await Promise.all([
        named(deps, actor.workspaceId, outcome.requester),
        named(deps, actor.workspaceId, actor),
      ]);
      return invokeCard(referenceDecidedCard({ ...outcome, requester, decidedBy, note: action.note }));
    }
    case 'done': {
      const reference = await references.markDone({ ...actor, requestId: action.requestId });
      return invokeCard(referenceDoneCard(reference, await named(deps, actor.workspaceId, actor)));
    }
  }
}

/** A person as cards name them: Teams keeps no names Earshot can look up, so the email stored for them. */
async function named(
  deps: TeamsReferenceDeps,
  workspaceId: string,
  who: { platform: 'slack' | 'teams'; userId: string },
): Promise<PersonRef> {
  const person = await deps.earshot.people.byId(who.platform, workspaceId, who.userId).catch(() => null);
  return { platform: who.platform, userId: who.userId, name: person?.email ?? null };
}
