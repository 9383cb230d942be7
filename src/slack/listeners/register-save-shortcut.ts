import type { App, MessageShortcut } from '@slack/bolt';
import { z } from 'zod';
import { classifyMessage } from '../../knowledge/capture/classify-message.ts';
import { formFacets } from '../../knowledge/capture/form-facets.ts';
import { titleFromBody } from '../../knowledge/entries/entry-title.ts';
import { BUYING_STAGES, ENTRY_KINDS } from '../../knowledge/entry.ts';
import { SAVE_FIELDS, SAVE_MODAL_ID, SAVE_SHORTCUT_ID, saveModal } from '../blocks/save-modal.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';
import { loadSlackMessage, toCapturedMessage } from '../slack-messages.ts';

/** Which message the form saves; its text travels along when it fits, for channels Earshot is not in. */
const messageRef = z.object({
  channel: z.string().min(1),
  ts: z.string().regex(/^\d+\.\d+$/),
  user: z.string().optional(),
  text: z.string().optional(),
});
// private_metadata holds at most 3000 characters.
const MAX_CARRIED_TEXT = 2500;

const submission = z.object({
  kind: z.enum(ENTRY_KINDS),
  title: z.string().trim().min(1, 'Give it a title.').max(150),
  topics: z
    .string()
    .optional()
    .transform((text) =>
      (text ?? '')
        .split(/[,;]/)
        .map((topic) => topic.trim().toLowerCase())
        .filter(Boolean),
    ),
  stage: z.enum(BUYING_STAGES).optional(),
  ...formFacets,
});

type StateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: Array<{ value: string }> | null;
    }
  >
>;

/** The "Save to Earshot" message shortcut: a prefilled form, then a pending entry for the curators. */
export function registerSaveShortcut(app: App, deps: SlackDeps) {
  app.shortcut<MessageShortcut>(SAVE_SHORTCUT_ID, async ({ shortcut, ack, client }) => {
    await ack();
    const text = shortcut.message.text ?? '';
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: saveModal({
        kind: classifyMessage(text) === 'tip' ? 'tip' : 'chatter',
        title: titleFromBody(text.replace(/<[^>]+>/g, ' ')),
        metadata: JSON.stringify({
          channel: shortcut.channel.id,
          ts: shortcut.message.ts,
          ...(shortcut.message.user && text.length <= MAX_CARRIED_TEXT
            ? { user: shortcut.message.user, text }
            : {}),
        }),
      }),
    });
  });

  app.view(SAVE_MODAL_ID, async ({ ack, view, body, client, context }) => {
    const values = view.state.values as StateValues;
    const read = (field: string) => values[field]?.value;
    const form = submission.safeParse({
      kind: read(SAVE_FIELDS.kind)?.selected_option?.value,
      title: read(SAVE_FIELDS.title)?.value ?? '',
      topics: read(SAVE_FIELDS.topics)?.value ?? undefined,
      stage: read(SAVE_FIELDS.stage)?.selected_option?.value,
      industry: read(SAVE_FIELDS.industry)?.value,
      roles: read(SAVE_FIELDS.roles)?.selected_options?.map((choice) => choice.value),
    });
    const ref = messageRef.safeParse(parseJson(view.private_metadata));
    if (!form.success) {
      const errors = Object.fromEntries(
        form.error.issues.map((issue) => [String(issue.path[0]), issue.message]),
      );
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    if (!ref.success) {
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
