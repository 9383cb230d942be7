import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import { DECISION_NOTE_FIELD, referenceDecisionForm } from '../../views/reference-decision-form.ts';
import { VIEW_ACTIONS } from '../../views/view-actions.ts';
import { parseButtonValue } from '../blocks/button-value.ts';
import { formText } from '../blocks/form-text.ts';
import { requestDecidedBlocks, requestDoneBlocks } from '../blocks/reference-request-blocks.ts';
import { renderSlackModal } from '../blocks/render-form.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';
import { tellPrivately } from '../tell-privately.ts';

type ButtonBody = BlockAction<ButtonAction>;

const FAILED = "Sorry, I couldn't record that just now. Please try again in a minute.";
const STALE = 'That request is out of date; nothing was changed.';

const { approveRequest, declineRequest, markCallDone } = VIEW_ACTIONS;
/** The decision form's payload, and the owner's message to update afterwards. */
const decisionMetadata = approveRequest.payload.extend({
  channel: z.string().max(50),
  ts: z.string().regex(/^\d+\.\d+$/),
});

/**
 * The owner's side of a reference request: Approve / Decline open a form for a note to the rep, then
 * the message shows the outcome; an approved request gets "Mark call done", which starts the cooldown.
 */
export function registerReferenceDecisions(app: App, deps: SlackDeps) {
  const { earshot, curators } = deps;

  for (const action of [approveRequest, declineRequest]) {
    const approve = action === approveRequest;
    app.action<ButtonBody>(action.id, async ({ ack, body, action: button, client, respond }) => {
      await ack();
      try {
        const { req } = parseButtonValue(action.payload, button.value, STALE);
        const channel = body.channel?.id;
        const ts = body.message?.ts;
        if (!channel || !ts) throw stale();
        const form = referenceDecisionForm(req, approve);
        await client.views.open({
          trigger_id: body.trigger_id,
          view: renderSlackModal({ ...form, payload: { ...form.payload, channel, ts } }),
        });
      } catch (error) {
        if (!(error instanceof EarshotError)) throw error;
        await respond({ response_type: 'ephemeral', replace_original: false, text: error.userMessage });
      }
    });

    app.view(action.id, async ({ ack, view, body, client, context }) => {
      await ack();
      const user = body.user.id;
      const metadata = readMetadata(view.private_metadata);
      if (!metadata) {
        await tellPrivately(client, { channel: undefined, user, text: STALE });
        return;
      }
      const workspaceId = slackWorkspaceOf(context);
      const note = formText(view.state, DECISION_NOTE_FIELD) ?? null;
      let decision: Awaited<ReturnType<typeof earshot.references.decide>>;
      try {
        decision = await earshot.references.decide({
          workspaceId,
          platform: 'slack',
          userId: user,
          isCurator: await curators.isCurator(client, workspaceId, user),
          requestId: metadata.req,
          approve,
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
  }

  app.action<ButtonBody>(markCallDone.id, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    try {
      const { req } = parseButtonValue(markCallDone.payload, action.value, STALE);
      const workspaceId = slackWorkspaceOf(context);
      const availability = await earshot.references.markDone({
        workspaceId,
        platform: 'slack',
        userId: body.user.id,
        isCurator: await curators.isCurator(client, workspaceId, body.user.id),
        requestId: req,
      });
      const channel = body.channel?.id;
      const ts = body.message?.ts;
      if (!channel || !ts) return;
      await client.chat.update({ channel, ts, ...requestDoneBlocks(availability, body.user.id) });
    } catch (error) {
      if (!(error instanceof EarshotError)) throw error;
      await respond({ response_type: 'ephemeral', replace_original: false, text: error.userMessage });
    }
  });
}

/** The form's private_metadata as Earshot put it there; null when it is not. */
function readMetadata(raw: string) {
  try {
    return parseButtonValue(decisionMetadata, raw, STALE);
  } catch {
    return null;
  }
}

function stale() {
  return new EarshotError({
    code: 'invalid_input',
    message: 'decision button outside a message',
    userMessage: STALE,
  });
}
