import { z } from 'zod';
import type { NudgeView } from '../../nudges/nudge-view.ts';
import { isoDay } from '../../nudges/references/availability.ts';
import { execute, localDate, paragraph, type RichCard, richCard } from './card-elements.ts';
import { inlineText, linkTarget, markdownLink, neutralizeLabel } from './card-markdown.ts';
import type { TextBlock } from './card-types.ts';
import { cardId, parseExecute } from './execute-action.ts';

export const NUDGE_VERBS = {
  snooze: 'earshot_nudge_snooze',
  dismiss: 'earshot_nudge_dismiss',
  helpful: 'earshot_nudge_helpful',
} as const;

const MAX_ENTRIES = 5;
const MAX_REFERENCES = 5;

/** What the owner already did with the alert, shown on the card their click refreshed. */
export interface NudgeCardState {
  snoozedUntil?: Date;
  helpful?: boolean;
}

/**
 * A buying-trigger alert to the account owner: what happened and when, why it matters, what the field
 * says about it and which references can take a call, with Snooze 1 week / Dismiss / Helpful.
 */
export function nudgeCard(view: NudgeView, state: NudgeCardState = {}): RichCard {
  const { trigger, account } = view;
  const accountName = inlineText(account.name, 150, neutralizeLabel);
  const reminder = view.reminder && !state.snoozedUntil;
  const headline = `${reminder ? '⏰ Reminder · ' : ''}**${inlineText(trigger.label, 60, neutralizeLabel)}** at **${accountName}**`;
  const target = linkTarget(trigger.url);
  const title = inlineText(trigger.title, 300, target ? neutralizeLabel : undefined);
  const body: TextBlock[] = [
    ...status(state),
    paragraph(headline, { size: 'Medium' }),
    paragraph(
      `${target ? markdownLink(target, title) : title} (${localDate(trigger.occurredAt)})` +
        (account.domain ? ` · ${inlineText(account.domain, 100)}` : ''),
    ),
    paragraph(`**Why it matters:** ${inlineText(view.why, 600)}`),
    ...fieldSays(view),
    ...references(view),
  ];
  const data = { n: view.nudgeId };
  return richCard({
    fallbackText: inlineText(
      `${view.reminder ? 'Reminder: ' : ''}${trigger.label} at ${account.name}: ${trigger.title} (${isoDay(trigger.occurredAt)})`,
      300,
    ),
    body,
    actions: [
      ...(state.snoozedUntil ? [] : [execute('Snooze 1 week', NUDGE_VERBS.snooze, data)]),
      execute('Dismiss', NUDGE_VERBS.dismiss, data, 'destructive'),
      ...(state.helpful ? [] : [execute('Helpful', NUDGE_VERBS.helpful, data, 'positive')]),
    ],
  });
}

function status(state: NudgeCardState): TextBlock[] {
  return [
    ...(state.snoozedUntil
      ? [
          paragraph(`😴 Snoozed: Earshot brings this back on ${localDate(state.snoozedUntil)}.`, {
            isSubtle: true,
          }),
        ]
      : []),
    ...(state.helpful ? [paragraph('👍 You marked this alert helpful. Thanks!', { isSubtle: true })] : []),
  ];
}

function fieldSays(view: NudgeView): TextBlock[] {
  if (view.entries.length === 0) return [];
  const lines = view.entries.slice(0, MAX_ENTRIES).map((entry) => {
    const target = linkTarget(entry.url);
    const title = inlineText(entry.title, 150, neutralizeLabel);
    const excerpt = inlineText(entry.excerpt, 300);
    return `• _${entry.kind}_ · ${target ? markdownLink(target, title) : `**${title}**`}${excerpt ? ` — ${excerpt}` : ''}`;
  });
  return [
    paragraph('**What the field says**', { separator: true, spacing: 'Medium' }),
    ...lines.map((line) => paragraph(line)),
  ];
}

function references(view: NudgeView): TextBlock[] {
  if (view.references.length === 0) return [];
  const industry = inlineText(
    view.account.industry ?? view.references[0]?.industry ?? '',
    100,
    neutralizeLabel,
  );
  const lines = view.references.slice(0, MAX_REFERENCES).map((reference) => {
    const products = reference.products.length ? ` (${inlineText(reference.products.join(', '), 150)})` : '';
    return `• ${inlineText(reference.account, 150)}${products}`;
  });
  return [
    paragraph(`**References${industry ? ` in ${industry}` : ''} that can take a call now**`, {
      separator: true,
      spacing: 'Medium',
    }),
    ...lines.map((line) => paragraph(line)),
    paragraph(`Send **references${industry ? ` ${industry}` : ''}** to request one.`, {
      isSubtle: true,
      size: 'Small',
    }),
  ];
}

export type NudgeVerb = (typeof NUDGE_VERBS)[keyof typeof NUDGE_VERBS];

export function isNudgeVerb(verb: string | undefined): boolean {
  return (Object.values(NUDGE_VERBS) as Array<string | undefined>).includes(verb);
}

/** Which alert button was pressed on which alert; anything Earshot did not render is refused. */
export function parseNudgeAction(value: unknown): { verb: NudgeVerb; nudgeId: number } {
  const { verb, data } = parseExecute(value, {
    verbs: Object.values(NUDGE_VERBS) as [NudgeVerb, ...NudgeVerb[]],
    data: z.strictObject({ n: cardId }),
    staleMessage: 'That alert card is out of date.',
    what: 'nudge',
  });
  return { verb, nudgeId: data.n };
}

/** The alert once dismissed, in place of the whole card. */
export function nudgeDismissedCard(): RichCard {
  const text = 'Dismissed. You won’t see this alert again.';
  return richCard({ fallbackText: text, body: [paragraph(text, { isSubtle: true })] });
}
