import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { EarshotError } from '../../errors.ts';
import { conversationKey } from '../../knowledge/workspaces/platform-ids.ts';
import { ACTION_IDS, parseActionValue } from '../blocks/action-values.ts';
import { answerBlocks } from '../blocks/answer-blocks.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';

type ButtonBody = BlockAction<ButtonAction>;

/** The buttons under an answer: feedback, sharing a private answer, and routing a gap to curators. */
export function registerAnswerActions(app: App, deps: SlackDeps) {
  const { earshot } = deps;

  for (const [actionId, helpful] of [
    [ACTION_IDS.helpful, true],
    [ACTION_IDS.notHelpful, false],
  ] as const) {
    app.action<ButtonBody>(actionId, async ({ ack, body, action, respond, context }) => {
      await ack();
      await withUserErrors(respond, async () => {
        const { q } = parseActionValue(action.value);
        await earshot.questions.recordFeedback({
          workspaceId: slackWorkspaceOf(context),
          questionId: q,
          userId: body.user.id,
          helpful,
        });
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: helpful
            ? 'Thanks, glad it helped.'
            : 'Thanks. The curators will see that this answer missed.',
        });
      });
    });
  }

  app.action<ButtonBody>(ACTION_IDS.share, async ({ ack, body, action, respond, client, context }) => {
    await ack();
    await withUserErrors(respond, async () => {
      const { q } = parseActionValue(action.value);
      const channel = body.channel?.id;
      if (!channel) throw expired();
      const where = conversationKey('slack', channel);
      const answer = await earshot.questions.answerToShare(slackWorkspaceOf(context), q, where);
      if (!answer) throw expired();
      const message = answerBlocks(answer);
      await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: [
          {
            type: 'context',
            elements: [{ type: 'mrkdwn', text: `<@${body.user.id}> asked: ${answer.question}` }],
          },
          ...message.blocks,
        ],
      });
      await respond({ delete_original: true });
    });
  });

  // Asked again without the stage, industry or role it named; the answer replaces the empty one.
  app.action<ButtonBody>(ACTION_IDS.dropFacets, async ({ ack, body, action, respond, context }) => {
    await ack();
    await withUserErrors(respond, async () => {
      const { q } = parseActionValue(action.value);
      const channel = body.channel?.id;
      if (!channel) throw expired();
      const workspaceId = slackWorkspaceOf(context);
      const asked = await earshot.questions.toAskAgain(workspaceId, q, conversationKey('slack', channel));
      if (!asked) throw expired();
      const answer = await earshot.ask({
        workspaceId,
        question: asked.text,
        askedBy: body.user.id,
        platform: 'slack',
        channel,
        privateConversation: asked.privateConversation,
        ignoreFacets: true,
      });
      await respond({ replace_original: true, ...answerBlocks(answer) });
    });
  });

  app.action<ButtonBody>(
    ACTION_IDS.routeToCurators,
    async ({ ack, body, action, respond, client, context }) => {
      await ack();
      await withUserErrors(respond, async () => {
        const { q } = parseActionValue(action.value);
        const workspaceId = slackWorkspaceOf(context);
        const answer = await earshot.questions.answerOf(workspaceId, q);
        if (!answer) throw expired();
        const curators = await earshot.curators.channelOf(workspaceId, 'slack');
        if (!curators) {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: 'No curators’ channel is set up yet (`earshot curators channel --slack`), so I could not pass it on.',
          });
          return;
        }
        const from = body.channel?.id ? ` in <#${body.channel.id}>` : '';
        await client.chat.postMessage({
          channel: curators.conversationId,
          text: `Nobody has heard about this yet. <@${body.user.id}> asked${from}: “${answer.question}”`,
        });
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'Sent to the curators. Thanks!',
        });
      });
    },
  );
}

function expired() {
  return new EarshotError({
    code: 'not_found',
    message: 'The question behind this button is not in this workspace',
    userMessage: 'That answer is no longer available. Ask again.',
  });
}

/** A button's failure is shown to the person who clicked; only unexpected ones go up to app.error. */
async function withUserErrors(
  respond: (message: {
    response_type: 'ephemeral';
    replace_original: false;
    text: string;
  }) => Promise<unknown>,
  work: () => Promise<void>,
) {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    await respond({ response_type: 'ephemeral', replace_original: false, text: error.userMessage });
  }
}
