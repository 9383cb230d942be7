import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import { describeReason } from '../../nudges/references/availability.ts';
import {
  overrideReasonField,
  referenceOverrideForm,
  referenceRequestForm,
  requestNoteField,
} from '../../views/reference-request-form.ts';
import { requestSentReply } from '../../views/request-sent-reply.ts';
import { VIEW_ACTIONS } from '../../views/view-actions.ts';
import { parseButtonValue } from '../blocks/button-value.ts';
import { formText } from '../blocks/form-text.ts';
import { renderSlackModal } from '../blocks/render-form.ts';
import { slackReplyText } from '../blocks/render-reply.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';
import { tellPrivately } from '../tell-privately.ts';

type ButtonBody = BlockAction<ButtonAction>;

const FAILED = "Sorry, I couldn't send that request just now. Please try again in a minute.";
const STALE = 'That form is out of date. Run `/earshot references` again.';
const STALE_LIST = 'That list is out of date. Run `/earshot references` again.';

const { requestReference, overrideReference } = VIEW_ACTIONS;
/** The form's payload, and where the rep clicked (to answer them there). */
const requestMetadata = requestReference.payload.extend({ channel: z.string().max(50).optional() });

/** "Request" (and a curator's "Request anyway") in reference lists and answers: a form, then a DM to the owner. */
export function registerReferenceRequests(app: App, deps: SlackDeps) {
  const { earshot, curators } = deps;

  for (const action of [requestReference, overrideReference]) {
    app.action<ButtonBody>(action.id, async ({ ack, body, action: button, client, respond, context }) => {
      await ack();
      try {
        const { ref } = parseButtonValue(action.payload, button.value, STALE_LIST);
        const workspaceId = slackWorkspaceOf(context);
        const reference = await earshot.references.availability(workspaceId, ref);
        // The list may be stale: a reference that filled up since needs an override, one that freed up none.
        const isCurator =
          action === overrideReference || !reference.available
            ? await curators.isCurator(client, workspaceId, body.user.id)
            : false;
        if (!reference.available && !isCurator) {
          const why = reference.reasons.map(describeReason).join('; ');
          throw new EarshotError({
            code: 'forbidden',
            message: `override of reference ${ref} refused for slack:${body.user.id}`,
            userMessage: `${reference.account} can't take a call right now (${why}). Only a curator can override the limit.`,
          });
        }
        const form = reference.available ? referenceRequestForm(reference) : referenceOverrideForm(reference);
        const channel = body.channel?.id;
        await client.views.open({
          trigger_id: body.trigger_id,
          view: renderSlackModal({ ...form, payload: { ...form.payload, ...(channel ? { channel } : {}) } }),
        });
      } catch (error) {
        if (!(error instanceof EarshotError)) throw error;
        await respond({ response_type: 'ephemeral', replace_original: false, text: error.userMessage });
      }
    });
  }

  for (const action of [requestReference, overrideReference]) {
    const override = action === overrideReference;
    app.view(action.id, async ({ ack, view, body, client, context }) => {
      const metadata = readMetadata(view.private_metadata);
      if (!metadata) {
        await ack();
        await tellPrivately(client, { channel: undefined, user: body.user.id, text: STALE });
        return;
      }
      const reasonField = overrideReasonField(metadata.ref);
      const reason = formText(view.state, reasonField);
      if (override && !reason) {
        await ack({
          response_action: 'errors',
          errors: { [reasonField]: 'Say why the limit should give way.' },
        });
        return;
      }
      await ack();
      const user = body.user.id;
      const workspaceId = slackWorkspaceOf(context);
      let text: string;
      try {
        const outcome = await earshot.references.request({
          workspaceId,
          platform: 'slack',
          userId: user,
          isCurator: await curators.isCurator(client, workspaceId, user),
          referenceId: metadata.ref,
          note: formText(view.state, requestNoteField(metadata.ref)),
          ...(override ? { override: { reason } } : {}),
        });
        text = slackReplyText(requestSentReply(outcome, 'Slack'));
      } catch (error) {
        if (error instanceof EarshotError) {
          text = error.userMessage;
        } else {
          deps.logger.error(
            { err: error, platform: 'slack', workspace: workspaceId },
            'reference request failed',
          );
          text = FAILED;
        }
      }
      await tellPrivately(client, { channel: metadata.channel, user, text });
    });
  }
}

/** The form's private_metadata as Earshot put it there; null when it is not. */
function readMetadata(raw: string) {
  try {
    return parseButtonValue(requestMetadata, raw, STALE);
  } catch {
    return null;
  }
}
