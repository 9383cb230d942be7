import {
  ActivityTypes,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import type { Config } from '../config.ts';
import type { ProactiveSender } from '../delivery/proactive-sender.ts';
import { EarshotError } from '../errors.ts';
import { titleFromBody } from '../knowledge/entries/entry-title.ts';
import { asksSomething } from '../knowledge/threads/follow-up-question.ts';
import type { Logger } from '../logger.ts';
import type { Earshot } from '../main.ts';
import { saveEntryForm, saveEntrySchema } from '../views/save-entry-form.ts';
import { isDueVerb, isReviewVerb } from './cards/curation-card-actions.ts';
import { verbOf } from './cards/execute-action.ts';
import { isNudgeVerb } from './cards/nudge-card.ts';
import { readCardForm } from './cards/read-card-form.ts';
import { isReferenceVerb } from './cards/reference-card-actions.ts';
import { renderTeamsForm, unscopeCardInputs } from './cards/render-card.ts';
import { isPrivateTeamsConversation } from './private-conversation.ts';
import { rememberTeamsPerson } from './remember-teams-person.ts';
import { handleAnswerAction } from './teams-answer-actions.ts';
import { channelIdOf, plainTeamsText, teamsCapturedMessage, teamsDeepLink } from './teams-capture.ts';
import { handleReviewAction, sendReviewQueue, toggleWatch } from './teams-curation.ts';
import { digestArguments, handleDigestCommand } from './teams-digest.ts';
import { teamsEventId } from './teams-event-id.ts';
import { type SendToConversation, teamsCaptureJob, teamsQuestionJob } from './teams-event-jobs.ts';
import { sendHelp } from './teams-help.ts';
import { HOME_COMMANDS, sendHome } from './teams-home.ts';
import { activityFromBot, teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';
import { handleNudgeAction } from './teams-nudge-actions.ts';
import { rememberConversation } from './teams-proactive.ts';
import { handleReferenceAction, referencesCriteria, sendReferenceList } from './teams-references.ts';
import { handleDueReviewAction, sendDueForReview } from './teams-review-due.ts';
import { teamsThreadOf } from './teams-thread.ts';

export interface TeamsDeps {
  earshot: Earshot;
  config: Config;
  logger: Logger;
}

/** Earshot in Teams: questions in 1:1 chats, group chats and channel mentions; card buttons. */
export class TeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly deps: TeamsDeps,
    private readonly send: SendToConversation,
    private readonly proactive: ProactiveSender,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.remember(context);
      await this.route(context);
      await next();
    });
    this.onMessageUpdate(async (context, next) => {
      const message = teamsCapturedMessage(context);
      await this.deps.earshot.updateCaptured({ ...message, text: message.text });
      await next();
    });
    this.onMessageDelete(async (context, next) => {
      await this.deps.earshot.removeCaptured(teamsCapturedMessage(context));
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

  /** Keeps the conversation and the person for alerts; a failure here must not cost the user their answer. */
  private async remember(context: TurnContext) {
    const warn = (what: string) => (error: unknown) => {
      this.deps.logger.warn(
        { err: error, platform: 'teams', eventId: context.activity.id },
        `could not store ${what}`,
      );
    };
    await rememberConversation(this.deps.earshot.conversations, context).catch(
      warn('the conversation reference'),
    );
    await rememberTeamsPerson(this.deps.earshot.people, context).catch(
      warn("the person's email and time zone"),
    );
  }

  /**
   * In channels and group chats Earshot reads every message (resource-specific consent) but speaks
   * only when @mentioned; other messages are candidates for passive capture.
   */
  private async route(context: TurnContext) {
    const { activity } = context;
    const shared =
      activity.conversation?.conversationType === 'channel' ||
      activity.conversation?.conversationType === 'groupChat';
    const mentioned = (activity.entities ?? []).some(
      (entity) =>
        entity.type === 'mention' &&
        (entity as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
    );
    if (shared && !mentioned) {
      if (await this.followsUp(context)) await this.answer(context);
      else await this.capturePassively(context);
      return;
    }
    const command = textWithoutMentions(context).trim().toLowerCase();
    if (command === 'help') {
      await sendHelp(context);
      return;
    }
    if (command === 'watch' || command === 'unwatch') {
      await context.sendActivity(await toggleWatch(this.deps, context, command));
      return;
    }
    if (command === 'review') {
      await sendReviewQueue(this.deps, context);
      return;
    }
    if (/^(?:review\s+due|due(?:\s+for\s+review)?)$/.test(command)) {
      await sendDueForReview(this.deps, context);
      return;
    }
    if (HOME_COMMANDS.has(command)) {
      await sendHome(this.deps, context);
      return;
    }
    const digest = digestArguments(textWithoutMentions(context));
    if (digest !== null) {
      await handleDigestCommand(this.deps, this.proactive, context, digest);
      return;
    }
    const criteria = referencesCriteria(textWithoutMentions(context));
    if (criteria !== null) {
      await sendReferenceList(this.deps, context, criteria);
      return;
    }
    await this.answer(context);
  }

  /**
   * A channel reply without a mention in a reply chain Earshot answered in, while that thread is live,
   * that asks something: answered as a follow-up. When the database cannot say, the message is left to
   * passive capture (which retries) rather than risk answering people talking among themselves.
   */
  private async followsUp(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.conversation?.conversationType !== 'channel' || activityFromBot(context)) return false;
    const text = textWithoutMentions(context).trim();
    if (!text || !asksSomething(text)) return false;
    const workspaceId = teamsWorkspaceOf(context);
    return this.deps.earshot
      .isLiveThread({
        workspaceId,
        question: text,
        platform: 'teams',
        channel: channelIdOf(activity.conversation.id),
        privateConversation: isPrivateTeamsConversation(activity),
        thread: teamsThreadOf(activity, workspaceId),
      })
      .catch((error: unknown) => {
        this.deps.logger.warn(
          { err: error, platform: 'teams', eventId: activity.id },
          'could not tell whether a reply follows up on an answer; leaving it unanswered',
        );
        return false;
      });
  }

  private async capturePassively(context: TurnContext) {
    const message = teamsCapturedMessage(context);
    const where = {
      platform: 'teams' as const,
      workspaceId: message.workspaceId,
      conversationId: message.conversationId,
    };
    if (!message.text || activityFromBot(context)) return;
    // Most conversations are not watched; when the database cannot say, the job asks again on retry.
    const watched = await this.deps.earshot.watched.isWatched(where).catch(() => undefined);
    if (watched === false) return;
    const key = {
      platform: 'teams' as const,
      workspaceId: message.workspaceId,
      eventId: teamsEventId(context),
    };
    await this.deps.earshot.events.runner.run(teamsCaptureJob(this.deps, key, message, where));
  }

  /**
   * Shows "typing" at once, then answers after the turn: claimed once (a redelivered activity is
   * skipped), retried while the database is down, apologised for when it cannot be answered.
   */
  private async answer(context: TurnContext) {
    const { activity } = context;
    const workspaceId = teamsWorkspaceOf(context);
    const question = textWithoutMentions(context).trim();
    if (!question) {
      await sendHelp(context);
      return;
    }
    await context.sendActivity({ type: ActivityTypes.Typing });
    const key = { platform: 'teams' as const, workspaceId, eventId: teamsEventId(context) };
    const job = teamsQuestionJob(this.deps, this.send, key, {
      kind: 'question',
      reference: TurnContext.getConversationReference(activity),
      workspaceId,
      question,
      askedBy: teamsUserId(context) || undefined,
      // A channel thread's id carries `;messageid=…`; audiences name the channel itself.
      channel: channelIdOf(activity.conversation.id),
      privateConversation: isPrivateTeamsConversation(activity),
      thread: teamsThreadOf(activity, workspaceId),
    });
    this.deps.earshot.events.runner.run(job).catch((error: unknown) => {
      this.deps.logger.error(
        { err: error, platform: 'teams', eventId: activity.id },
        'failed to answer a question',
      );
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    scopedValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const invokeValue = unscopeCardInputs(scopedValue);
    const verb = verbOf(invokeValue);
    if (isReviewVerb(verb)) return handleReviewAction(this.deps, context, invokeValue);
    if (isDueVerb(verb)) return handleDueReviewAction(this.deps, context, invokeValue);
    if (isNudgeVerb(verb)) return handleNudgeAction(this.deps.earshot, context, invokeValue);
    if (isReferenceVerb(verb)) return handleReferenceAction(this.deps, context, invokeValue);
    return handleAnswerAction(this.deps, this.proactive, context, invokeValue);
  }

  /** "Save to Earshot" on a message: a form prefilled from it. */
  protected override async handleTeamsMessagingExtensionFetchTask(
    _context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const text = plainTeamsText(action.messagePayload?.body?.content ?? '');
    return {
      task: {
        type: 'continue',
        value: {
          title: 'Save to Earshot',
          width: 'medium',
          height: 'medium',
          card: CardFactory.adaptiveCard(
            renderTeamsForm(
              saveEntryForm({
                kind: (await this.deps.earshot.classifier.classify(text)) === 'tip' ? 'tip' : 'chatter',
                title: titleFromBody(text),
                // The message action brings the message with the submission.
                message: {},
              }),
              { inTaskModule: true },
            ),
          ),
        },
      },
    };
  }

  /** The submitted form saves the message as a pending entry, attributed to its author. */
  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const payload = action.messagePayload;
    const reply = (text: string): MessagingExtensionActionResponse => ({
      task: { type: 'message', value: text },
    });
    if (!payload?.id) return reply('Earshot could not read that message. Try again from the message itself.');
    try {
      // The form as shown, so a problem is reported by its field's label.
      const form = saveEntryForm({ kind: 'chatter', title: '', message: {} });
      const read = readCardForm(form, saveEntrySchema, action.data, 'nothing was saved');
      if (!read.ok) return reply(read.message);
      const here = teamsCapturedMessage(context);
      const { outcome } = await this.deps.earshot.capture({
        ...read.data,
        message: {
          ...here,
          messageId: payload.id,
          authorId: payload.from?.user?.id ?? here.authorId,
          authorName: payload.from?.user?.displayName ?? undefined,
          text: plainTeamsText(payload.body?.content ?? ''),
          permalink:
            payload.linkToMessage ??
            teamsDeepLink(context.activity.conversation.id, payload.id, here.workspaceId),
          postedAt: payload.createdDateTime ? new Date(payload.createdDateTime) : here.postedAt,
        },
      });
      return reply(
        outcome === 'created'
          ? 'Saved to Earshot. The curators will review it before it shows up in answers.'
          : 'Earshot already has this; the curators will see it once.',
      );
    } catch (error) {
      if (!(error instanceof EarshotError)) throw error;
      return reply(error.userMessage);
    }
  }
}

/** The question in a message, without the `<at>Earshot</at>` mention Teams puts in channel messages. */
function textWithoutMentions(context: TurnContext): string {
  const { activity } = context;
  let text = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    const mention =
      entity.type === 'mention' ? (entity as { mentioned?: { id?: string }; text?: string }) : undefined;
    if (mention?.mentioned?.id === activity.recipient?.id && mention.text)
      text = text.replace(mention.text, ' ');
  }
  return text.replace(/<at>[^<]*<\/at>/g, ' ').replace(/\s+/g, ' ');
}
