import {
  type Activity,
  CardFactory,
  type CloudAdapter,
  type ConversationReference,
  TurnContext,
} from 'botbuilder';
import type { ChatPeople } from '../delivery/chat-people.ts';
import type { ConversationRefs, StoredConversation } from '../delivery/conversation-refs.ts';
import type { OutboundMessage, ProactiveSender, SentMessage } from '../delivery/proactive-sender.ts';
import { digestView } from '../views/digest-view.ts';
import { nudgeCard } from './cards/nudge-card.ts';
import { referenceRequestCard } from './cards/reference-cards.ts';
import { renderTeamsCard } from './cards/render-card.ts';
import { channelIdOf } from './teams-capture.ts';
import { teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';

/**
 * Where this activity came from, as alerts and digests reach it later. A channel is kept as the channel
 * itself, without the `;messageid=` of the thread the activity was in, so proactive posts start a new
 * thread and every thread of a channel is the same conversation.
 */
export function teamsConversation(context: TurnContext): StoredConversation {
  const { activity } = context;
  const type = activity.conversation?.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  const reference = TurnContext.getConversationReference(activity);
  const conversationId =
    kind === 'channel' ? channelIdOf(activity.conversation.id) : activity.conversation.id;
  if (kind === 'channel') {
    reference.conversation = { ...activity.conversation, id: conversationId };
    delete reference.activityId;
  }
  return {
    platform: 'teams',
    workspaceId: teamsWorkspaceOf(context),
    conversationId,
    kind,
    userId: kind === 'personal' ? teamsUserId(context) || null : null,
    reference,
  };
}

/** Saves where this activity came from, so alerts and digests can reach the conversation later. */
export async function rememberConversation(refs: ConversationRefs, context: TurnContext): Promise<void> {
  await refs.save(teamsConversation(context));
}

/** Proactive messages in Teams: the stored reference continues the conversation through the connector. */
export class TeamsProactiveSender implements ProactiveSender {
  readonly platform = 'teams' as const;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string | undefined,
    private readonly people: ChatPeople,
  ) {}

  async send(to: StoredConversation, message: OutboundMessage): Promise<SentMessage> {
    const activity = await this.render(to.workspaceId, message);
    let messageId: string | undefined;
    await this.adapter.continueConversationAsync(
      this.appId ?? '',
      to.reference as Partial<ConversationReference>,
      async (context) => {
        messageId = (await context.sendActivity(activity))?.id;
      },
    );
    return { conversationId: to.conversationId, messageId };
  }

  private async render(workspaceId: string, message: OutboundMessage): Promise<string | Partial<Activity>> {
    switch (message.kind) {
      case 'text':
        return message.text;
      case 'nudge':
        return { attachments: [CardFactory.adaptiveCard(nudgeCard(message.nudge))] };
      case 'reference_request': {
        const { request } = message;
        const card = referenceRequestCard(request, {
          requester: await this.nameOf(workspaceId, request.requestedBy),
          overrideBy: request.override
            ? await this.nameOf(workspaceId, {
                platform: request.requestedBy.platform,
                userId: request.override.by,
              })
            : null,
        });
        return { attachments: [CardFactory.adaptiveCard(card)] };
      }
      case 'digest': {
        const card = renderTeamsCard(digestView(message));
        // The summary is what notifications and the activity feed show instead of the card.
        return { summary: card.fallbackText, attachments: [CardFactory.adaptiveCard(card)] };
      }
    }
  }

  /** Teams keeps no names Earshot can look up outside a turn; the email stored for the person names them. */
  private async nameOf(workspaceId: string, who: { platform: 'slack' | 'teams'; userId: string }) {
    const person = await this.people.byId(who.platform, workspaceId, who.userId).catch(() => null);
    return person?.email ?? null;
  }
}
