import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { EarshotError } from '../../errors.ts';
import { composeNudge } from '../../nudges/compose-nudge.ts';
import type { NudgeActor, NudgeOwnerState } from '../../nudges/nudge-actions.ts';
import { STALE_ALERT } from '../../views/actions/nudge-actions.ts';
import { alertOutcomeText } from '../../views/alert-view.ts';
import { VIEW_ACTIONS } from '../../views/view-actions.ts';
import { parseButtonValue } from '../blocks/button-value.ts';
import { nudgeBlocks } from '../blocks/nudge-blocks.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';

type ButtonBody = BlockAction<ButtonAction>;

/** Snooze 1 week / Dismiss / Helpful on a buying-trigger alert; only its recipient may use them. */
export function registerNudgeActions(app: App, deps: SlackDeps) {
  const actions = deps.earshot.nudgeActions;
  const handlers = [
    [VIEW_ACTIONS.snoozeAlert, (actor: NudgeActor) => actions.snooze(actor)],
    [VIEW_ACTIONS.dismissAlert, (actor: NudgeActor) => actions.dismiss(actor)],
    [VIEW_ACTIONS.alertHelpful, (actor: NudgeActor) => actions.markHelpful(actor)],
  ] as const;

  for (const [action, act] of handlers) {
    app.action<ButtonBody>(action.id, async ({ ack, body, action: button, client, respond, context }) => {
      await ack();
      try {
        const { n } = parseButtonValue(action.payload, button.value, STALE_ALERT);
        const state = await act({
          workspaceId: slackWorkspaceOf(context),
          nudgeId: n,
          platform: 'slack',
          userId: body.user.id,
        });
        // The click counted either way; if the alert can't show it, say so where the owner clicked.
        if (!(await showOnAlert(deps, client, body, n, state))) {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: alertOutcomeText(state),
          });
        }
      } catch (error) {
        if (!(error instanceof EarshotError)) throw error;
        await respond({ response_type: 'ephemeral', replace_original: false, text: error.userMessage });
      }
    });
  }
}

/** Rewrites the alert with what the owner did; false when that was not possible. */
async function showOnAlert(
  deps: SlackDeps,
  client: WebClient,
  body: ButtonBody,
  nudgeId: number,
  state: NudgeOwnerState,
): Promise<boolean> {
  const channel = body.channel?.id;
  const ts = body.message?.ts;
  if (!channel || !ts) return false;
  try {
    const message = nudgeBlocks(await composeNudge(deps.earshot, nudgeId), state);
    await client.chat.update({ channel, ts, ...message });
    return true;
  } catch (error) {
    deps.logger.warn({ err: error, nudge: nudgeId, platform: 'slack' }, 'could not update an alert');
    return false;
  }
}
