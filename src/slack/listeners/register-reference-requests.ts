import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { EarshotError } from '../../errors.ts';
import { describeReason } from '../../nudges/references/availability.ts';
import { parseReferenceValue, REFERENCE_ACTIONS } from '../blocks/reference-action-values.ts';
import {
  formText,
  REFERENCE_FIELDS,
  REFERENCE_MODALS,
  readMetadata,
  requestMetadata,
  requestModal,
} from '../blocks/reference-modals.ts';
import { requestSentText } from '../blocks/reference-replies.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';
import { tellPrivately } from '../tell-privately.ts';

type ButtonBody = BlockAction<ButtonAction>;

const FAILED = "Sorry, I couldn't send that request just now. Please try again in a minute.";
const STALE = 'That form is out of date. Run `/earshot references` again.';

/** "Request" (and a curator's "Request anyway") in the reference list: a form, then a DM to the owner. */
export function registerReferenceRequests(app: App, deps: SlackDeps) {
  const { earshot, curators } = deps;

  for (const [actionId, override] of [
    [REFERENCE_ACTIONS.request, false],
    [REFERENCE_ACTIONS.override, true],
  ] as const) {
    app.action<ButtonBody>(actionId, async ({ ack, body, action, client, respond, context }) => {
      await ack();
      try {
        const { ref } = parseReferenceValue(action.value);
        const workspaceId = slackWorkspaceOf(context);
        const reference = await earshot.references.availability(workspaceId, ref);
        // The list may be stale: a reference that filled up since needs an override, one that freed up none.
        const isCurator =
          override || !reference.available
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
        await client.views.open({
          trigger_id: body.trigger_id,
          view: requestModal(reference, { ref, override: !reference.available, channel: body.channel?.id }),
        });
      } catch (error) {
        if (!(error instanceof EarshotError)) throw error;
        await respond({ response_type: 'ephemeral', replace_original: false, text: error.userMessage });
      }
    });
  }

  app.view(REFERENCE_MODALS.request, async ({ ack, view, body, client, context }) => {
    const reason = formText(view.state, REFERENCE_FIELDS.reason);
    const metadata = readMetadata(requestMetadata, view.private_metadata);
    if (!metadata) {
      await ack();
      await tellPrivately(client, { channel: undefined, user: body.user.id, text: STALE });
      return;
    }
    if (metadata.override && !reason) {
      await ack({
        response_action: 'errors',
        errors: { [REFERENCE_FIELDS.reason]: 'Say why the limit should give way.' },
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
        note: formText(view.state, REFERENCE_FIELDS.note),
        ...(metadata.override ? { override: { reason } } : {}),
      });
      text = requestSentText(outcome);
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
