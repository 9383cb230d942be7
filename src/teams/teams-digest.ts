import { CardFactory, type TurnContext } from 'botbuilder';
import type { ProactiveSender } from '../delivery/proactive-sender.ts';
import { type DigestCommand, parseDigestCommand } from '../digest/digest-command.ts';
import type { DigestChannel } from '../digest/digest-subscriptions.ts';
import type { DigestStatus } from '../digest/digests.ts';
import { describeSchedule } from '../digest/weekly-schedule.ts';
import { zonedDayTime } from '../digest/zoned-dates.ts';
import { EarshotError } from '../errors.ts';
import { digestView } from '../views/digest-view.ts';
import { inlineText } from './cards/card-markdown.ts';
import { renderTeamsCard } from './cards/render-card.ts';
import { timeZoneOf } from './remember-teams-person.ts';
import type { TeamsDeps } from './teams-bot.ts';
import { isTeamsCurator, mayManageInTeams } from './teams-curators.ts';
import { teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';
import { teamsConversation } from './teams-proactive.ts';

const REFUSAL =
  'Sorry, only Earshot curators can change the digest here. Ask a curator, or an admin to make you one (`earshot curators add`).';
const CURATORS_ONLY =
  'Only Earshot curators can add `for curators`: that digest lists the questions people asked. Leave it out, or ask a curator.';
const NO_CHAT =
  "Previews are for your eyes only, so I send them in our 1:1 chat, and we haven't chatted yet. Open a chat with Earshot (or say hi to me there), then send `digest preview` here again.";

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
    await context.sendActivity(error.userMessage);
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
      const status = await digests.status(channel);
      await context.sendActivity(
        status
          ? `${describeStatus(status)}${lastDigest(status)}`
          : 'No weekly digest here yet. Send `digest weekly mon 09:00` to get one every Monday morning, or `digest preview` to see what it would say.',
      );
      return;
    }
    case 'off': {
      if (await refused(deps, context)) return;
      await context.sendActivity(
        (await digests.unsubscribe(channel))
          ? 'Weekly digest stopped here. Send `digest weekly mon 09:00` to start it again.'
          : 'There was no weekly digest here to stop.',
      );
      return;
    }
    case 'subscribe': {
      if (await refused(deps, context)) return;
      if (command.forCurators && !(await isTeamsCurator(deps.earshot.curators, context))) {
        await context.sendActivity(CURATORS_ONLY);
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
      await context.sendActivity(`${describeStatus(status)}. Send \`digest preview\` to see one now.`);
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
    await context.sendActivity(NO_CHAT);
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
  await context.sendActivity('I sent you a preview in our chat.');
}

/** Who refuses: once the organization has curators, only they set or stop a digest. */
async function refused(deps: TeamsDeps, context: TurnContext): Promise<boolean> {
  if (await mayManageInTeams(deps.earshot.curators, context)) return false;
  await context.sendActivity(REFUSAL);
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

/** "Weekly digest here: Mondays at 09:00 (Europe/Berlin), next on Mon 30 Nov at 09:00; topics: pricing" */
function describeStatus({ subscription, next }: DigestStatus): string {
  const parts = [
    `Weekly digest here: ${describeSchedule(subscription.schedule)}, next on ${zonedDayTime(next, subscription.schedule.timeZone)}`,
  ];
  if (subscription.topics.length > 0)
    parts.push(`topics: ${inlineText(subscription.topics.join(', '), 300)}`);
  if (subscription.forCurators) parts.push('for curators, with content gaps and the review queue');
  return parts.join('; ');
}

function lastDigest({ last, subscription }: DigestStatus): string {
  if (!last) return '.';
  const at = zonedDayTime(last.scheduledFor, subscription.schedule.timeZone);
  if (last.status === 'failed') {
    const why = last.lastError ? `: ${inlineText(last.lastError, 200)}` : '';
    return `. The last one (${at}) could not be posted${why}.`;
  }
  return `. Last one: ${at}.`;
}
