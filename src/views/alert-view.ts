import type { NudgeView } from '../nudges/nudge-view.ts';
import { clip } from './clip.ts';
import { KIND_LABELS } from './kind-labels.ts';
import { actionButton } from './view-actions.ts';
import type { Line, MessageView, ViewBlock, ViewItem } from './view-model.ts';

/** What the owner already did with the alert, shown when it is shown again after a click. */
export interface AlertState {
  snoozedUntil?: Date | null;
  helpful?: boolean;
  dismissed?: boolean;
}

export const ALERT_BUTTONS_ID = 'earshot_nudge_actions';

const MAX_LABEL = 60;
const MAX_NAME = 150;
const MAX_TITLE = 300;
const MAX_WHY = 1500;
const MAX_EXCERPT = 400;
const MAX_PRODUCTS = 300;
/** Each section shows a few items; the reader acts on an alert, they don't browse it. */
const MAX_ITEMS = 5;

/**
 * A buying-trigger alert to the account owner: what happened and when, why it matters, what the field
 * says about it and which references can take a call now, with Snooze 1 week / Dismiss / Helpful.
 * After a click the same alert shows what the owner did, and only the buttons still useful.
 */
export function alertView(nudge: NudgeView, state: AlertState = {}): MessageView {
  const { trigger, account } = nudge;
  const reminder = nudge.reminder && !state.snoozedUntil && !state.dismissed;
  const accountName = clip(account.name, MAX_NAME) || 'an account';
  const title = clip(trigger.title, MAX_TITLE) || trigger.label;
  const where = [account.domain, account.industry]
    .filter((part): part is string => Boolean(part))
    .map((part) => clip(part, MAX_NAME));
  const blocks: ViewBlock[] = [
    ...statusBlocks(state),
    {
      type: 'heading',
      text: `${reminder ? '⏰ Reminder · ' : ''}${clip(trigger.label, MAX_LABEL)}: ${accountName}`,
    },
    ...(reminder ? [subtle(['You snoozed this alert a week ago; here it is again.'])] : []),
    {
      type: 'text',
      lines: [
        [{ text: title, bold: true, href: trigger.url }],
        [{ date: trigger.occurredAt }, ...(where.length > 0 ? [` · ${where.join(' · ')}`] : [])],
      ],
    },
    { type: 'text', lines: [[{ text: 'Why it matters', bold: true }], [clip(nudge.why, MAX_WHY)]] },
    ...fieldSays(nudge),
    ...referenceBlocks(nudge),
    ...buttons(nudge.nudgeId, state),
  ];
  return {
    fallback: `${reminder ? 'Reminder: ' : ''}${trigger.label} at ${account.name}: ${trigger.title}`,
    blocks,
  };
}

/** One line saying what a click did, for when the alert itself cannot be shown again. */
export function alertOutcomeText(state: AlertState): string {
  if (state.dismissed) return 'Dismissed. You won’t see this alert again.';
  if (state.snoozedUntil) return 'Snoozed for a week.';
  return 'Thanks! Noted that this alert helped.';
}

function statusBlocks(state: AlertState): ViewBlock[] {
  const lines: Line[] = [];
  if (state.dismissed) lines.push(['Dismissed. You won’t see this alert again.']);
  else if (state.snoozedUntil) {
    lines.push(['😴 Snoozed: Earshot brings this back on ', { date: state.snoozedUntil }, '.']);
  }
  if (state.helpful) lines.push(['👍 You marked this alert helpful. Thanks!']);
  return lines.length > 0 ? [{ type: 'text', subtle: true, lines }] : [];
}

function subtle(line: Line): ViewBlock {
  return { type: 'text', subtle: true, lines: [line] };
}

function fieldSays(nudge: NudgeView): ViewBlock[] {
  const heading: ViewBlock = {
    type: 'text',
    lines: [[{ text: 'What the field says', bold: true }]],
  };
  if (nudge.entries.length === 0) {
    return [
      { type: 'divider' },
      { ...heading, lines: [...heading.lines, ['Nothing in Earshot about this kind of trigger yet.']] },
    ];
  }
  const items = nudge.entries.map((entry): ViewItem => {
    const excerpt = clip(entry.excerpt, MAX_EXCERPT);
    return {
      line: [
        `${KIND_LABELS[entry.kind]}: `,
        { text: clip(entry.title, MAX_TITLE) || `Entry ${entry.id}`, bold: true, href: entry.url },
        ...(excerpt ? [` — ${excerpt}`] : []),
      ],
    };
  });
  return [{ type: 'divider' }, heading, ...shortList(items, 'entry', 'entries')];
}

function referenceBlocks(nudge: NudgeView): ViewBlock[] {
  const industry = nudge.account.industry ? clip(nudge.account.industry, MAX_NAME) : null;
  const heading: Line = [
    { text: `References${industry ? ` in ${industry}` : ''} available now`, bold: true },
  ];
  const listAll: Line = [{ command: `references${industry ? ` ${industry}` : ''}` }];
  if (nudge.references.length === 0) {
    return [
      { type: 'divider' },
      {
        type: 'text',
        lines: [heading, ['None can take a call right now; ', ...listAll, ' shows when they free up.']],
      },
    ];
  }
  const items = nudge.references.map((reference): ViewItem => {
    const products = clip(reference.products.join(', '), MAX_PRODUCTS);
    return {
      line: [{ text: clip(reference.account, MAX_NAME), bold: true }, products ? ` — ${products}` : ''],
    };
  });
  return [
    { type: 'divider' },
    { type: 'text', lines: [heading] },
    ...shortList(items, 'reference', 'references'),
    subtle(['Send ', ...listAll, ' to request one.']),
  ];
}

/** A few bullets; the one truncation policy says how many more there were. */
function shortList(items: ViewItem[], noun: string, nouns: string): ViewBlock[] {
  return [{ type: 'list', noun, nouns, bullets: true, max: MAX_ITEMS, items }];
}

/** Snooze only while not snoozed, Helpful until said, Dismiss until dismissed. */
function buttons(nudgeId: number, state: AlertState): ViewBlock[] {
  if (state.dismissed) return [];
  const n = { n: nudgeId };
  return [
    {
      type: 'buttons',
      id: ALERT_BUTTONS_ID,
      buttons: [
        ...(state.snoozedUntil ? [] : [actionButton('snoozeAlert', 'Snooze 1 week', n)]),
        actionButton('dismissAlert', 'Dismiss', n, { style: 'danger' }),
        ...(state.helpful ? [] : [actionButton('alertHelpful', 'Helpful', n, { style: 'primary' })]),
      ],
    },
  ];
}
