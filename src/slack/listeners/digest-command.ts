import type { AckFn, RespondArguments, RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { StoredConversation } from '../../delivery/conversation-refs.ts';
import { type DigestCommand, parseDigestCommand } from '../../digest/digest-command.ts';
import { isTimeZone } from '../../digest/weekly-schedule.ts';
import { EarshotError } from '../../errors.ts';
import { digestReplies } from '../../views/digest-replies.ts';
import { digestView } from '../../views/digest-view.ts';
import type { SlackMessage } from '../blocks/answer-blocks.ts';
import { renderSlackMessage } from '../blocks/render-message.ts';
import { slackReplyText } from '../blocks/render-reply.ts';
import type { SlackDeps } from '../slack-context.ts';

type Reply = { text: string } & Partial<SlackMessage>;

const REPLIES = digestReplies('/earshot digest');
const textReply = (lines: Parameters<typeof slackReplyText>[0]): Reply => ({ text: slackReplyText(lines) });

/**
 * `/earshot digest …`: subscribe the channel to the weekly digest, stop it, show its schedule, or
 * preview it for the asker alone. Replies are ephemeral; a usage mistake is the ack itself.
 */
export async function digestCommand(
  deps: SlackDeps,
  options: {
    client: WebClient;
    command: SlashCommand;
    /** The organization the command's workspace uses. */
    workspaceId: string;
    /** The installation the command came through, whose token posts the digests. */
    installationId: string;
    words: string;
    ack: AckFn<string | RespondArguments>;
    respond: RespondFn;
  },
): Promise<void> {
  const { client, command, workspaceId } = options;
  let request: DigestCommand;
  try {
    request = parseDigestCommand(options.words);
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    await options.ack({ response_type: 'ephemeral', text: slackReplyText(REPLIES.usage(error.userMessage)) });
    return;
  }
  // Curator checks, profile lookups and building a preview each cost Web API calls or queries, and
  // Slack drops a command not acked within 3 s: ack first, answer on the response_url.
  await options.ack();
  const reply = await run(
    deps,
    client,
    command,
    { workspaceId, installationId: options.installationId },
    request,
  ).catch((error: unknown): Reply => {
    deps.logger.error(
      {
        err: error,
        platform: 'slack',
        workspace: workspaceId,
        channel: command.channel_id,
      },
      'digest command failed',
    );
    return textReply(REPLIES.failed);
  });
  await options.respond({ response_type: 'ephemeral', ...reply });
}

async function run(
  deps: SlackDeps,
  client: WebClient,
  command: SlashCommand,
  { workspaceId, installationId }: { workspaceId: string; installationId: string },
  request: DigestCommand,
): Promise<Reply> {
  const { digests } = deps.earshot;
  const channel = {
    platform: 'slack' as const,
    workspaceId,
    conversationId: command.channel_id,
  };
  switch (request.action) {
    case 'status':
      return textReply(REPLIES.status(await digests.status(channel)));
    case 'preview': {
      const timeZone = await userTimeZone(deps, client, command.user_id);
      return renderSlackMessage(digestView(await digests.preview(channel, { timeZone })));
    }
    case 'off':
      if (!(await deps.curators.mayManage(client, workspaceId, command.user_id)))
        return textReply(REPLIES.curatorsOnly);
      return textReply((await digests.unsubscribe(channel)) ? REPLIES.stopped : REPLIES.notSubscribed);
    case 'subscribe': {
      if (!(await deps.curators.mayManage(client, workspaceId, command.user_id)))
        return textReply(REPLIES.curatorsOnly);
      // Gaps quote the questions people asked: only named curators may send them to a channel.
      if (request.forCurators && !(await deps.curators.isCurator(client, workspaceId, command.user_id))) {
        return textReply(REPLIES.gapsForCuratorsOnly);
      }
      const conversation: StoredConversation = {
        ...channel,
        kind: command.channel_name === 'directmessage' ? 'personal' : 'channel',
        userId: null,
        reference: { channel: command.channel_id },
        installationId,
      };
      const [timeZone, reachable] = await Promise.all([
        request.timeZone ?? userTimeZone(deps, client, command.user_id),
        canPostIn(client, command.channel_id),
      ]);
      const status = await digests.subscribe({
        conversation,
        schedule: { weekday: request.weekday, time: request.time, timeZone },
        topics: request.topics,
        forCurators: request.forCurators,
        createdBy: command.user_id,
      });
      return textReply([...REPLIES.subscribed(status), ...(reachable ? [] : REPLIES.notInConversation)]);
    }
  }
}

/** The zone in the person's Slack profile, else Earshot's default. */
async function userTimeZone(deps: SlackDeps, client: WebClient, userId: string): Promise<string> {
  const profile = await client.users.info({ user: userId }).catch((error: unknown) => {
    deps.logger.warn({ err: error, platform: 'slack', user: userId }, 'could not read a time zone');
    return null;
  });
  const zone = profile?.user?.tz;
  return zone && isTimeZone(zone) ? zone : deps.config.nudges.defaultTimeZone;
}

/**
 * Whether Earshot can post here: Slack answers conversations.info only for conversations the bot can
 * see, and says `is_member: false` for public channels it has not joined.
 */
async function canPostIn(client: WebClient, channel: string): Promise<boolean> {
  const info = await client.conversations.info({ channel }).catch(() => null);
  if (!info?.channel) return false;
  return info.channel.is_im === true || info.channel.is_member !== false;
}
