import { CardFactory, type TurnContext } from 'botbuilder';
import type { ProactiveSender } from '../delivery/proactive-sender.ts';
import { type DigestCommand, parseDigestCommand } from '../digest/digest-command.ts';
import type { DigestChannel } from '../digest/digest-subscriptions.ts';
import { EarshotError } from '../errors.ts';
import { digestReplies } from '../views/digest-replies.ts';
import { digestView } from '../views/digest-view.ts';
import { renderTeamsCard } from './cards/render-card.ts';
import { timeZoneOf } from './remember-teams-person.ts';
import { teamsReplyText } from './render-reply.ts';
import type { TeamsDeps } from './teams-bot.ts';
import { isTeamsCurator, mayManageInTeams } from './teams-curators.ts';
import { teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';
import { teamsConversation } from './teams-proactive.ts';

const REPLIES = digestReplies('digest');

/** `digest …`, any case; the words after it, or null for any other text. */
export function digestArguments(command: string): string | null {
  const match = /^digest(?:\s+(.*))?$/is.exec(command.trim());
  return match ? (match[1] ?? '').trim() : null;
}

/** Answers `digest weekly …`, `digest off`, `digest preview` and `digest` (the schedule here). */
export async function handleDigestCommand(
  deps: TeamsDeps,
  proactive: ProactiveSender,
  context: TurnContext,
  words: string,
): Promise<void> {
  let command: DigestCommand;
  try {
    command = parseDigestCommand(words);
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    await context.sendActivity(teamsReplyText(REPLIES.usage(error.userMessage)));
    return;
  }
  const conversation = teamsConversation(context);
  const channel: DigestChannel = {
    platform: 'teams',
    workspaceId: conversation.workspaceId,
    conversationId: conversation.conversationId,
  };
  const { digests } = deps.earshot;
  switch (command.action) {
    case 'status': {
      await context.sendActivity(teamsReplyText(REPLIES.status(await digests.status(channel))));
      return;
    }
    case 'off': {
      if (await refused(deps, context)) return;
      const stopped = await digests.unsubscribe(channel);
      await context.sendActivity(teamsReplyText(stopped ? REPLIES.stopped : REPLIES.notSubscribed));
      return;
    }
    case 'subscribe': {
      if (await refused(deps, context)) return;
      if (command.forCurators && !(await isTeamsCurator(deps.earshot.curators, context))) {
        await context.sendActivity(teamsReplyText(REPLIES.gapsForCuratorsOnly));
        return;
      }
      const status = await digests.subscribe({
        conversation,
        schedule: {
          weekday: command.weekday,
          time: command.time,
          timeZone: command.timeZone ?? (await callerTimeZone(deps, context)),
        },
        topics: command.topics,
        forCurators: command.forCurators,
        createdBy: teamsUserId(context),
      });
      await context.sendActivity(teamsReplyText(REPLIES.subscribed(status)));
      return;
    }
    case 'preview':
      await sendPreview(deps, proactive, context, channel, conversation.kind);
      return;
  }
}

/**
 * Teams has no message only one person sees, so outside a 1:1 chat the preview goes to the caller's
 * 1:1 chat with Earshot, and never to the channel.
 */
async function sendPreview(
  deps: TeamsDeps,
  proactive: ProactiveSender,
  context: TurnContext,
  channel: DigestChannel,
  kind: 'personal' | 'groupChat' | 'channel',
): Promise<void> {
  const { earshot } = deps;
  const chat =
    kind === 'personal'
      ? null
      : await earshot.conversations.personalChatOf('teams', teamsWorkspaceOf(context), teamsUserId(context));
  if (kind !== 'personal' && !chat) {
    await context.sendActivity(teamsReplyText(REPLIES.noPersonalChat));
    return;
  }
  const message = await earshot.digests.preview(channel, { timeZone: await callerTimeZone(deps, context) });
  if (!chat) {
    await context.sendActivity({
      attachments: [CardFactory.adaptiveCard(renderTeamsCard(digestView(message)))],
    });
    return;
  }
  await proactive.send(chat, { kind: 'digest', ...message });
  await context.sendActivity(teamsReplyText(REPLIES.previewSent));
}

/** Who refuses: once the organization has curators, only they set or stop a digest. */
async function refused(deps: TeamsDeps, context: TurnContext): Promise<boolean> {
  if (await mayManageInTeams(deps.earshot.curators, context)) return false;
  await context.sendActivity(teamsReplyText(REPLIES.curatorsOnly));
  return true;
}

/** The caller's zone as Teams sent it, else as Earshot last heard it, else the server's default. */
async function callerTimeZone(deps: TeamsDeps, context: TurnContext): Promise<string> {
  const sent = timeZoneOf(context);
  if (sent) return sent;
  const person = await deps.earshot.people
    .byId('teams', teamsWorkspaceOf(context), teamsUserId(context))
    .catch(() => null);
  return person?.timeZone ?? deps.config.nudges.defaultTimeZone;
}
