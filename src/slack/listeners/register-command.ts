import type { App } from '@slack/bolt';
import { answerBlocks } from '../blocks/answer-blocks.ts';
import { lookingBlocks } from '../blocks/looking-blocks.ts';
import { APOLOGY, HELP_TEXT, type SlackDeps } from '../slack-context.ts';

/** `/earshot QUESTION` answers privately, with a button to share the answer in the channel. */
export function registerCommand(app: App, deps: SlackDeps) {
  app.command('/earshot', async ({ command, ack, respond }) => {
    const text = command.text.trim();
    if (!text || text === 'help') {
      await ack({ response_type: 'ephemeral', text: HELP_TEXT });
      return;
    }
    await ack({ response_type: 'ephemeral', ...lookingBlocks(text) });
    try {
      const answer = await deps.earshot.ask({
        workspaceId: command.team_id,
        question: text,
        askedBy: command.user_id,
        platform: 'slack',
        channel: command.channel_id,
      });
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        ...answerBlocks(answer, { shareable: true }),
      });
    } catch (error) {
      deps.logger.error(
        { err: error, platform: 'slack', workspace: command.team_id, channel: command.channel_id },
        'failed to answer a slash command',
      );
      await respond({ response_type: 'ephemeral', replace_original: true, text: APOLOGY });
    }
  });
}
