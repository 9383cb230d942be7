import type { App, MessageShortcut } from '@slack/bolt';
import { classifyMessage } from '../../knowledge/capture/classify-message.ts';
import { titleFromBody } from '../../knowledge/entries/entry-title.ts';
import { fieldErrors } from '../../views/form-values.ts';
import { saveEntryForm, saveEntrySchema } from '../../views/save-entry-form.ts';
import { VIEW_ACTIONS } from '../../views/view-actions.ts';
import { renderSlackModal } from '../blocks/render-form.ts';
import { slackSubmission } from '../blocks/slack-form-values.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';
import { loadSlackMessage, toCapturedMessage } from '../slack-messages.ts';

export const SAVE_SHORTCUT_ID = 'earshot_save';
// private_metadata holds at most 3000 characters, the text escaped as JSON with the rest.
const MAX_CARRIED_TEXT = 2500;

/** The "Save to Earshot" message shortcut: a prefilled form, then a pending entry for the curators. */
export function registerSaveShortcut(app: App, deps: SlackDeps) {
  app.shortcut<MessageShortcut>(SAVE_SHORTCUT_ID, async ({ shortcut, ack, client }) => {
    await ack();
    const text = shortcut.message.text ?? '';
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: renderSlackModal(
        saveEntryForm({
          kind: classifyMessage(text) === 'tip' ? 'tip' : 'chatter',
          title: titleFromBody(text.replace(/<[^>]+>/g, ' ')),
          message: {
            channel: shortcut.channel.id,
            ts: shortcut.message.ts,
            ...(shortcut.message.user && JSON.stringify(text).length <= MAX_CARRIED_TEXT
              ? { user: shortcut.message.user, text }
              : {}),
          },
        }),
      ),
    });
  });

  app.view(VIEW_ACTIONS.saveEntry.id, async ({ ack, view, body, client, context }) => {
    const form = slackSubmission(saveEntrySchema).safeParse(view.state.values);
    const ref = VIEW_ACTIONS.saveEntry.payload.safeParse(parseJson(view.private_metadata));
    if (!form.success) {
      await ack({ response_action: 'errors', errors: fieldErrors(form.error) });
      return;
    }
    await ack();
    if (!ref.success || !('channel' in ref.data)) {
      deps.logger.warn(
        { platform: 'slack', metadata: view.private_metadata },
        'save form without a valid message reference',
      );
      return;
    }
    const workspaceId = slackWorkspaceOf(context);
    const { channel, ts, user, text } = ref.data;
    const message =
      user && text
        ? await toCapturedMessage(client, deps.directory, { workspaceId, channel, ts, user, text })
        : await loadSlackMessage(client, deps.directory, { workspaceId, channel, ts });
    if (!message) return;
    const { outcome } = await deps.earshot.capture({ message, ...form.data });
    const note =
      outcome === 'created'
        ? 'Saved to Earshot. The curators will review it before it shows up in answers.'
        : 'Earshot already has this; the curators will see it once.';
    // In a channel Earshot is not in, the note goes to the user's DM instead.
    await client.chat
      .postEphemeral({ channel: ref.data.channel, user: body.user.id, text: note })
      .catch(() => client.chat.postMessage({ channel: body.user.id, text: note }));
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
