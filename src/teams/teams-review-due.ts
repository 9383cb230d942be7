import { type AdaptiveCardInvokeResponse, CardFactory, type TurnContext } from 'botbuilder';
import { EarshotError } from '../errors.ts';
import { dueForReview } from '../knowledge/curation/review-queue.ts';
import type { Entry } from '../knowledge/entry.ts';
import { conversationKey } from '../knowledge/workspaces/platform-ids.ts';
import { dueReviewView } from '../views/due-review-view.ts';
import { editEntryForm, editEntrySchema } from '../views/edit-entry-form.ts';
import { ENTRY_FIELDS } from '../views/entry-form-fields.ts';
import { type FormValues, initialValues } from '../views/form-values.ts';
import { markReviewedForm, markReviewedSchema } from '../views/mark-reviewed-form.ts';
import { VIEW_ACTIONS } from '../views/view-actions.ts';
import { DUE_VERBS, parseCurationInvoke } from './cards/curation-card-actions.ts';
import { readCardForm } from './cards/read-card-form.ts';
import { renderTeamsCard } from './cards/render-card.ts';
import { textCard } from './cards/text-card.ts';
import { invokeCard, invokeMessage } from './invoke-responses.ts';
import type { TeamsDeps } from './teams-bot.ts';
import { channelIdOf } from './teams-capture.ts';
import { isTeamsCurator } from './teams-curators.ts';
import { teamsWorkspaceOf } from './teams-identity.ts';

const REFUSAL =
  'Sorry, only Earshot curators can see what is due for review. Ask an admin to make you one (`earshot curators add`).';
const ELSEWHERE =
  'That entry is private to another conversation: review it there, where its members can see it.';
const STALE = 'That card is out of date. Send "review due" again.';
/** Slack's App Home looks as far ahead. */
const WINDOW_DAYS = 14;
const MAX_CARDS = 10;

/** `review due`: published entries past or near their review date, most overdue first, one card each. */
export async function sendDueForReview(deps: TeamsDeps, context: TurnContext): Promise<void> {
  if (!(await isTeamsCurator(deps.earshot.curators, context))) {
    await context.sendActivity(REFUSAL);
    return;
  }
  const now = deps.earshot.clock.now();
  const here = hereKey(context);
  // Another conversation's private captures stay there, as in the review queue.
  const due = (await dueForReview(deps.earshot.db, teamsWorkspaceOf(context), now, WINDOW_DAYS)).filter(
    (entry) => entry.audience === null || entry.audience === here,
  );
  if (due.length === 0) {
    await context.sendActivity(`Nothing due for review in the next ${WINDOW_DAYS} days.`);
    return;
  }
  const shown = due.slice(0, MAX_CARDS);
  await context.sendActivity(
    `${due.length} due for review in the next ${WINDOW_DAYS} days, most overdue first${due.length > shown.length ? `; here are the first ${shown.length}` : ''}.`,
  );
  for (const entry of shown) {
    await context.sendActivity({
      attachments: [CardFactory.adaptiveCard(renderTeamsCard(dueReviewView(entry, now)))],
    });
  }
}

/** Mark reviewed / Edit on a due-for-review card: curators only; sets the next review date. */
export async function handleDueReviewAction(
  deps: TeamsDeps,
  context: TurnContext,
  value: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  if (!(await isTeamsCurator(deps.earshot.curators, context))) return invokeMessage(REFUSAL);
  const workspaceId = teamsWorkspaceOf(context);
  const who = context.activity.from?.name ?? 'a curator';
  try {
    const now = deps.earshot.clock.now();
    const { verb, e, values } = parseCurationInvoke(value, DUE_VERBS, STALE);
    const { entries } = deps.earshot;
    const entry = await entries.get(workspaceId, e);
    if (entry.audience !== null && entry.audience !== hereKey(context)) return invokeMessage(ELSEWHERE);
    const read =
      verb === VIEW_ACTIONS.dueEdit.id
        ? readDueEdit(entry, now, values)
        : readCardForm(markReviewedForm(entry, now), markReviewedSchema(now), values);
    if (!read.ok) return invokeMessage(read.message);
    const edited = await entries.edit(workspaceId, e, read.data);
    const next = read.data.reviewBy?.toISOString().slice(0, 10);
    const done = verb === VIEW_ACTIONS.dueEdit.id ? 'Edited' : 'Reviewed';
    return invokeCard(textCard(`${done} by ${who}: ${edited.title}. Next review by ${next}.`));
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    return invokeMessage(error.userMessage);
  }
}

/**
 * The due Edit form. Cards made before it had every field sent the title, the text and `reviewBy`
 * only: the fields they lacked keep their values.
 */
function readDueEdit(entry: Entry, now: Date, values: FormValues) {
  const form = editEntryForm(entry, { due: { now } });
  const { reviewBy, ...rest } = values;
  const submitted =
    ENTRY_FIELDS.kind in values
      ? values
      : { ...initialValues(form), ...rest, [ENTRY_FIELDS.reviewBy]: reviewBy };
  return readCardForm(form, editEntrySchema({ due: { now } }), submitted);
}

function hereKey(context: TurnContext): string {
  return conversationKey('teams', channelIdOf(context.activity.conversation.id));
}
