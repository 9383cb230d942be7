import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { retryWhileTransient } from '../../events/retry-transient.ts';
import { answerBlocks } from '../blocks/answer-blocks.ts';
import { lookingBlocks } from '../blocks/looking-blocks.ts';
import { slackHelpMessage } from '../help-syntax.ts';
import { slackInstallationOf, slackWorkspaceOf } from '../pin-workspace.ts';
import { isPrivateSlackConversation } from '../private-conversation.ts';
import { APOLOGY, type SlackDeps } from '../slack-context.ts';
import { digestCommand } from './digest-command.ts';
import { listReferences } from './list-references.ts';

/** `/earshot QUESTION` answers privately, with a button to share the answer in the channel. */
export function registerCommand(app: App, deps: SlackDeps) {
  app.command('/earshot', async ({ command, ack, respond, client, context }) => {
    const workspaceId = slackWorkspaceOf(context);
    const text = command.text.trim();
    if (!text || text === 'help') {
      await ack({ response_type: 'ephemeral', ...slackHelpMessage(deps.config.captureEmoji) });
      return;
    }
    if (text === 'watch' || text === 'unwatch') {
      await ack({
        response_type: 'ephemeral',
        text: await toggleWatch(deps, client, { ...command, workspaceId }, text),
      });
      return;
    }
    const references = /^references?(?:\s+([\s\S]*))?$/i.exec(text);
    if (references) {
      const criteria = references[1]?.trim() ?? '';
      await listReferences(deps, { client, command, workspaceId, criteria, ack, respond });
      return;
    }
    const digest = /^digest(?:\s+([\s\S]*))?$/i.exec(text);
    if (digest) {
      await digestCommand(deps, {
        client,
        command,
        workspaceId,
        installationId: slackInstallationOf(context),
        words: digest[1] ?? '',
        ack,
        respond,
      });
      return;
    }
    await ack({ response_type: 'ephemeral', ...lookingBlocks(text) });
    try {
      // The ack above needed no database; the answer waits for it to come back (within limits).
      const answer = await retryWhileTransient(
        async () =>
          deps.earshot.ask({
            workspaceId,
            question: text,
            askedBy: command.user_id,
            platform: 'slack',
            channel: command.channel_id,
            privateConversation: await isPrivateSlackConversation(client, deps.directory, command.channel_id),
          }),
        deps.config.events.retryWindowMs,
      );
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        ...answerBlocks(answer, { shareable: true }),
      });
    } catch (error) {
      deps.logger.error(
        {
          err: error,
          platform: 'slack',
          workspace: workspaceId,
          channel: command.channel_id,
        },
        'failed to answer a slash command',
      );
      await respond({ response_type: 'ephemeral', replace_original: true, text: APOLOGY });
    }
  });
}

/** `/earshot watch` turns on passive capture in the channel; curators only, once the organization has any. */
async function toggleWatch(
  deps: SlackDeps,
  client: WebClient,
  command: { workspaceId: string; channel_id: string; user_id: string },
  verb: 'watch' | 'unwatch',
): Promise<string> {
  if (!(await deps.curators.mayManage(client, command.workspaceId, command.user_id))) {
    return 'Sorry, only curators can change what Earshot watches. Ask one of them to run this here.';
  }
  const channel = {
    platform: 'slack' as const,
    workspaceId: command.workspaceId,
    conversationId: command.channel_id,
  };
  if (verb === 'watch') {
    await deps.earshot.watched.watch({ ...channel, watchedBy: command.user_id });
    return 'Earshot now keeps tips and field intel posted here (for curators to review). `/earshot unwatch` stops it. Add me to the channel if I am not in it yet.';
  }
  const was = await deps.earshot.watched.unwatch(channel);
  return was ? 'Earshot no longer captures messages here.' : 'Earshot was not watching this channel.';
}
