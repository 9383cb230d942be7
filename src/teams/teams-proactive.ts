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
import { digestText } from '../digest/digest-text.ts';
import { nudgeCard } from './cards/nudge-card.ts';
import { referenceRequestCard } from './cards/reference-cards.ts';
import { teamsUserId, tenantOf } from './teams-identity.ts';

/** Saves where this activity came from, so alerts and digests can reach the conversation later. */
export async function rememberConversation(refs: ConversationRefs, context: TurnContext): Promise<void> {
  const { activity } = context;
  const type = activity.conversation?.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  await refs.save({
    platform: 'teams',
    workspaceId: tenantOf(context),
    conversationId: activity.conversation.id,
    kind,
    userId: kind === 'personal' ? teamsUserId(context) || null : null,
    reference: TurnContext.getConversationReference(activity),
  });
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
      case 'digest':
        return digestText(message.digest, { timeZone: message.timeZone });
    }
  }

  /** Teams keeps no names Earshot can look up outside a turn; the email stored for the person names them. */
  private async nameOf(workspaceId: string, who: { platform: 'slack' | 'teams'; userId: string }) {
    const person = await this.people.byId(who.platform, workspaceId, who.userId).catch(() => null);
    return person?.email ?? null;
  }
}
