import { type CloudAdapter, type ConversationReference, TurnContext } from 'botbuilder';
import type { ConversationRefs, StoredConversation } from '../delivery/conversation-refs.ts';
import type { OutboundMessage, ProactiveSender } from '../delivery/proactive-sender.ts';
import { tenantOf } from './teams-bot.ts';

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
    userId: kind === 'personal' ? (activity.from?.aadObjectId ?? activity.from?.id ?? null) : null,
    reference: TurnContext.getConversationReference(activity),
  });
}

/** Proactive messages in Teams: the stored reference continues the conversation through the connector. */
export class TeamsProactiveSender implements ProactiveSender {
  readonly platform = 'teams' as const;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string | undefined,
  ) {}

  async send(to: StoredConversation, message: OutboundMessage): Promise<void> {
    await this.adapter.continueConversationAsync(
      this.appId ?? '',
      to.reference as Partial<ConversationReference>,
      async (context) => {
        await context.sendActivity(message.text);
      },
    );
  }
}
