import type { App, BlockAction, ButtonAction, types } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { EarshotError } from '../../errors.ts';
import type { NudgeActor } from '../../nudges/nudge-actions.ts';
import { slackDate } from '../blocks/mrkdwn.ts';
import { NUDGE_ACTIONS, parseNudgeValue } from '../blocks/nudge-action-values.ts';
import { nudgeButtons, nudgeWithOutcome } from '../blocks/nudge-blocks.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';

type ButtonBody = BlockAction<ButtonAction>;

interface Outcome {
  text: string;
  /** The buttons still useful afterwards; null removes them all. */
  remaining: types.ActionsBlock | null;
}

/** Snooze 1 week / Dismiss / Helpful on a buying-trigger alert; only its recipient may use them. */
export function registerNudgeActions(app: App, deps: SlackDeps) {
  const actions = deps.earshot.nudgeActions;
  const handlers: Array<[string, (actor: NudgeActor) => Promise<Outcome>]> = [
    [
      NUDGE_ACTIONS.snooze,
      async (actor) => {
        const { until } = await actions.snooze(actor);
        return { text: `:zzz: Snoozed until ${slackDate(until)}. I'll bring it back then.`, remaining: null };
      },
    ],
    [
      NUDGE_ACTIONS.dismiss,
      async (actor) => {
        await actions.dismiss(actor);
        return { text: "Dismissed. You won't see this alert again.", remaining: null };
      },
    ],
    [
      NUDGE_ACTIONS.helpful,
      async (actor) => {
        await actions.markHelpful(actor);
        return {
          text: ':+1: Thanks, glad it helped.',
          remaining: nudgeButtons(actor.nudgeId, { helpful: false }),
        };
      },
    ],
  ];

  for (const [actionId, act] of handlers) {
    app.action<ButtonBody>(actionId, async ({ ack, body, action, client, respond, context }) => {
      await ack();
      try {
        const { n } = parseNudgeValue(action.value);
        const outcome = await act({
          workspaceId: slackWorkspaceOf(context),
          nudgeId: n,
          platform: 'slack',
          userId: body.user.id,
        });
        const shown = await showOnAlert(client, body, outcome);
        // The click counted either way; if the alert can't show it, say so where the owner clicked.
        if (!shown) {
          await respond({ response_type: 'ephemeral', replace_original: false, text: outcome.text });
        }
      } catch (error) {
        if (!(error instanceof EarshotError)) throw error;
        await respond({ response_type: 'ephemeral', replace_original: false, text: error.userMessage });
      }
    });
  }
}

/** Rewrites the alert with the outcome in place of its buttons; false when that was not possible. */
async function showOnAlert(client: WebClient, body: ButtonBody, outcome: Outcome): Promise<boolean> {
  const channel = body.channel?.id;
  const message = body.message;
  if (!channel || !message?.ts) return false;
  const blocks = nudgeWithOutcome(
    (message.blocks ?? []) as types.KnownBlock[],
    outcome.text,
    outcome.remaining,
  );
  const text = typeof message.text === 'string' ? message.text : outcome.text;
  return client.chat.update({ channel, ts: message.ts, text, blocks }).then(
    () => true,
    () => false,
  );
}
