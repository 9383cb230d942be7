import {
  ActivityHandler,
  ActivityTypes,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.ts';
import { EarshotError } from '../errors.ts';
import { claimEvent } from '../events/claim-event.ts';
import type { Logger } from '../logger.ts';
import type { Earshot } from '../main.ts';
import { answerCard } from './cards/answer-card.ts';
import { parseCardAction, TEAMS_VERBS } from './cards/card-actions.ts';
import { rememberConversation } from './teams-proactive.ts';

export interface TeamsDeps {
  earshot: Earshot;
  config: Config;
  logger: Logger;
}

/**
 * Runs `work` in a new turn on the same conversation once the current request has been answered:
 * the Bot Connector gives a turn about 15 s, and an answer written by a model may take longer.
 */
export type Defer = (context: TurnContext, work: (later: TurnContext) => Promise<void>) => void;

const APOLOGY = "Sorry, I couldn't answer that just now. Please try again in a minute.";
const HELP =
  'Ask me what the field is hearing, for example: "What are buyers saying about SSO?" In a channel, @mention me.';

/** A tenant's knowledge is keyed by its Teams tenant id, as `earshot import --workspace` uses it. */
export function tenantOf(context: TurnContext): string {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId ?? '';
}

/** Earshot in Teams: questions in 1:1 chats, group chats and channel mentions; card buttons. */
export class TeamsBot extends ActivityHandler {
  constructor(
    private readonly deps: TeamsDeps,
    private readonly defer: Defer,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.remember(context);
      await this.answer(context);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      await this.remember(context);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      await this.remember(context);
      await next();
    });
  }

  /** A failure to store the reference must not cost the user their answer. */
  private async remember(context: TurnContext) {
    await rememberConversation(this.deps.earshot.conversations, context).catch((error: unknown) => {
      this.deps.logger.warn(
        { err: error, platform: 'teams', eventId: context.activity.id },
        'could not store the conversation reference',
      );
    });
  }

  private async answer(context: TurnContext) {
    const { activity } = context;
    const workspaceId = tenantOf(context);
    const log = this.deps.logger.child({
      platform: 'teams',
      workspace: workspaceId,
      channel: activity.conversation?.id,
      eventId: activity.id,
    });
    if (
      activity.id &&
      !(await claimEvent(this.deps.earshot.db, { platform: 'teams', workspaceId, eventId: activity.id }))
    ) {
      log.info('skipping an activity already handled');
      return;
    }
    const question = (TurnContextText.withoutMentions(context) ?? '').trim();
    if (!question) {
      await context.sendActivity(HELP);
      return;
    }
    await context.sendActivity({ type: ActivityTypes.Typing });
    this.defer(context, async (later) => {
      try {
        const answer = await this.deps.earshot.ask({
          workspaceId,
          question,
          askedBy: activity.from?.aadObjectId ?? activity.from?.id,
          platform: 'teams',
          channel: activity.conversation?.id,
        });
        await later.sendActivity({ attachments: [CardFactory.adaptiveCard(answerCard(answer))] });
      } catch (error) {
        log.error({ err: error }, 'failed to answer a question');
        await later.sendActivity(APOLOGY);
      }
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const workspaceId = tenantOf(context);
    const userId = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '';
    try {
      const { verb, q } = parseCardAction(invokeValue);
      if (verb === TEAMS_VERBS.routeToCurators)
        return reply(await this.routeToCurators(workspaceId, q, userId));
      await this.deps.earshot.questions.recordFeedback({
        workspaceId,
        questionId: q,
        userId,
        helpful: verb === TEAMS_VERBS.helpful,
      });
      return reply(
        verb === TEAMS_VERBS.helpful
          ? 'Thanks, glad it helped.'
          : 'Thanks. The curators will see that this answer missed.',
      );
    } catch (error) {
      if (!(error instanceof EarshotError)) throw error;
      return reply(error.userMessage);
    }
  }

  private async routeToCurators(workspaceId: string, questionId: number, userId: string): Promise<string> {
    const answer = await this.deps.earshot.questions.answerOf(workspaceId, questionId);
    if (!answer) return 'That answer is no longer available. Ask again.';
    this.deps.logger.info(
      { platform: 'teams', workspace: workspaceId, questionId, userId },
      'question routed to curators',
    );
    return 'Thanks. The curators will see this question in their list of unanswered questions.';
  }
}

/** A short message shown to the clicker; the answer card itself stays as it was. */
function reply(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as never };
}

/** The question in a message, without the `<at>Earshot</at>` mention Teams puts in channel messages. */
const TurnContextText = {
  withoutMentions(context: TurnContext): string | undefined {
    const { activity } = context;
    let text = activity.text ?? '';
    for (const entity of activity.entities ?? []) {
      const mentioned =
        entity.type === 'mention' ? (entity as { mentioned?: { id?: string }; text?: string }) : undefined;
      if (mentioned?.mentioned?.id === activity.recipient?.id && mentioned.text)
        text = text.replace(mentioned.text, ' ');
    }
    return text.replace(/<at>[^<]*<\/at>/g, ' ').replace(/\s+/g, ' ');
  },
};
