import type { App, BlockAction, ButtonAction, types } from '@slack/bolt';
import { EarshotError } from '../../errors.ts';
import { parseRequestValue, REFERENCE_ACTIONS } from '../blocks/reference-action-values.ts';
import {
  decisionMetadata,
  decisionModal,
  formText,
  REFERENCE_FIELDS,
  REFERENCE_MODALS,
  readMetadata,
} from '../blocks/reference-modals.ts';
import { requestDecidedBlocks, requestDoneBlocks } from '../blocks/reference-request-blocks.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';
import { tellPrivately } from '../tell-privately.ts';

type ButtonBody = BlockAction<ButtonAction>;

const FAILED = "Sorry, I couldn't record that just now. Please try again in a minute.";
const STALE = 'That request is out of date; nothing was changed.';

/**
 * The owner's side of a reference request: Approve / Decline open a form for a note to the rep, then
 * the message shows the outcome; an approved request gets "Mark call done", which starts the cooldown.
 */
export function registerReferenceDecisions(app: App, deps: SlackDeps) {
  const { earshot, curators } = deps;

  for (const [actionId, approve] of [
    [REFERENCE_ACTIONS.approve, true],
    [REFERENCE_ACTIONS.decline, false],
  ] as const) {
    app.action<ButtonBody>(actionId, async ({ ack, body, action, client, respond, context }) => {
      await ack();
      try {
        const { req } = parseRequestValue(action.value);
        const channel = body.channel?.id;
        const ts = body.message?.ts;
        if (!channel || !ts) throw stale();
        await client.views.open({
          trigger_id: body.trigger_id,
          view: decisionModal({ req, approve, channel, ts }),
        });
      } catch (error) {
        if (!(error instanceof EarshotError)) throw error;
        await respond({ response_type: 'ephemeral', replace_original: false, text: error.userMessage });
      }
    });
  }

  app.view(REFERENCE_MODALS.decision, async ({ ack, view, body, client, context }) => {
    await ack();
    const user = body.user.id;
    const metadata = readMetadata(decisionMetadata, view.private_metadata);
    if (!metadata) {
      await tellPrivately(client, { channel: undefined, user, text: STALE });
      return;
    }
    const workspaceId = slackWorkspaceOf(context);
    const note = formText(view.state, REFERENCE_FIELDS.note) ?? null;
    let decision: Awaited<ReturnType<typeof earshot.references.decide>>;
    try {
      decision = await earshot.references.decide({
        workspaceId,
        platform: 'slack',
        userId: user,
        isCurator: await curators.isCurator(client, workspaceId, user),
        requestId: metadata.req,
        approve: metadata.approve,
        ...(note ? { note } : {}),
      });
    } catch (error) {
      if (!(error instanceof EarshotError)) {
        deps.logger.error(
          { err: error, platform: 'slack', workspace: workspaceId },
          'reference decision failed',
        );
      }
      const text = error instanceof EarshotError ? error.userMessage : FAILED;
      await tellPrivately(client, { channel: metadata.channel, user, text });
      return;
    }
    // The decision stands even if the message is gone; the owner just keeps seeing the old buttons.
    await client.chat
      .update({
        channel: metadata.channel,
        ts: metadata.ts,
        ...requestDecidedBlocks({ ...decision, decidedBy: user, note }),
      })
      .catch((error: unknown) =>
        deps.logger.warn(
          { err: error, platform: 'slack', workspace: workspaceId },
          'could not update a request message',
        ),
      );
  });

  app.action<ButtonBody>(
    REFERENCE_ACTIONS.markDone,
    async ({ ack, body, action, client, respond, context }) => {
      await ack();
      try {
        const { req } = parseRequestValue(action.value);
        const availability = await earshot.references.markDone({
          workspaceId: slackWorkspaceOf(context),
          platform: 'slack',
          userId: body.user.id,
          isCurator: await curators.isCurator(client, slackWorkspaceOf(context), body.user.id),
          requestId: req,
        });
        const channel = body.channel?.id;
        const message = body.message;
        if (!channel || !message?.ts) return;
        const blocks = requestDoneBlocks(
          (message.blocks ?? []) as types.KnownBlock[],
          availability,
          body.user.id,
        );
        await client.chat.update({
          channel,
          ts: message.ts,
          text: typeof message.text === 'string' ? message.text : `Call with ${availability.account} done`,
          blocks,
        });
      } catch (error) {
        if (!(error instanceof EarshotError)) throw error;
        await respond({ response_type: 'ephemeral', replace_original: false, text: error.userMessage });
      }
    },
  );
}

function stale() {
  return new EarshotError({
    code: 'invalid_input',
    message: 'decision button outside a message',
    userMessage: STALE,
  });
}
