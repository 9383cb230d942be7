import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import type { Entry } from '../../knowledge/entry.ts';
import { inlineText, linkTarget, markdownLink, neutralizeLabel } from './card-markdown.ts';
import { ADAPTIVE_CARD_SCHEMA } from './card-types.ts';
import { titleAndTextInputs } from './review-card.ts';

export const DUE_REVIEW_VERBS = {
  reviewed: 'earshot_due_reviewed',
  edit: 'earshot_due_edit',
} as const;

const DAY_MS = 86_400_000;
/** The next review date a "Mark reviewed" form suggests. */
const NEXT_REVIEW_DAYS = 90;

/**
 * One published entry due for review, for a curator: what it says, since when it is due, and Mark
 * reviewed (a new review date) or Edit (text and review date), as Slack's App Home offers.
 */
export function dueReviewCard(entry: Entry, now: Date) {
  const day = entry.reviewBy ? isoDay(entry.reviewBy) : '';
  const today = isoDay(now);
  const when = day < today ? `overdue since ${day}` : day === today ? 'due today' : `due ${day}`;
  const source = linkTarget(entry.sourceUrl);
  const next = isoDay(new Date(now.getTime() + NEXT_REVIEW_DAYS * DAY_MS));
  const reviewByInput = {
    type: 'Input.Date',
    id: 'reviewBy',
    label: 'Next review by',
    value: next,
    min: isoDay(new Date(now.getTime() + DAY_MS)),
    isRequired: true,
    errorMessage: 'Pick a date after today.',
  };
  return {
    type: 'AdaptiveCard' as const,
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5' as const,
    fallbackText: `Due for review: ${inlineText(entry.title, 150)} (${when})`,
    body: [
      {
        type: 'TextBlock',
        text: `${entry.kind} · **${neutralizeLabel(inlineText(entry.title, 150))}** · ${when}${entry.audience ? ' · 🔒 private' : ''}`,
        wrap: true,
      },
      { type: 'TextBlock', text: inlineText(entry.body, 600), wrap: true },
      ...(source
        ? [
            {
              type: 'TextBlock',
              text: markdownLink(source, 'source'),
              wrap: true,
              isSubtle: true,
              size: 'Small',
            },
          ]
        : []),
    ],
    actions: [
      {
        type: 'Action.ShowCard',
        title: 'Mark reviewed',
        card: {
          type: 'AdaptiveCard',
          body: [reviewByInput],
          actions: [
            {
              type: 'Action.Execute',
              title: 'Still accurate',
              verb: DUE_REVIEW_VERBS.reviewed,
              data: { e: entry.id },
              style: 'positive',
            },
          ],
        },
      },
      {
        type: 'Action.ShowCard',
        title: 'Edit',
        card: {
          type: 'AdaptiveCard',
          body: [...titleAndTextInputs(entry), reviewByInput],
          actions: [
            { type: 'Action.Execute', title: 'Save', verb: DUE_REVIEW_VERBS.edit, data: { e: entry.id } },
          ],
        },
      },
    ],
    msteams: { width: 'Full' as const },
  };
}

const dueReviewAction = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.enum([DUE_REVIEW_VERBS.reviewed, DUE_REVIEW_VERBS.edit]),
    data: z.object({
      e: z.int().positive(),
      reviewBy: z.iso.date(),
      title: z.string().trim().min(1).max(150).optional(),
      body: z.string().trim().min(1).max(20_000).optional(),
    }),
  }),
});

export interface DueReviewAction {
  verb: (typeof DUE_REVIEW_VERBS)[keyof typeof DUE_REVIEW_VERBS];
  e: number;
  reviewBy: Date;
  title?: string;
  body?: string;
}

export function isDueReviewVerb(verb: string | undefined): boolean {
  return verb !== undefined && (Object.values(DUE_REVIEW_VERBS) as string[]).includes(verb);
}

/** Reads a due-for-review card's action; the invoke body is untrusted, so anything malformed is refused. */
export function parseDueReviewAction(value: unknown, now: Date): DueReviewAction {
  const parsed = dueReviewAction.safeParse(value);
  if (!parsed.success) {
    throw new EarshotError({
      code: 'invalid_input',
      message: `Invalid due-for-review card action: ${z.prettifyError(parsed.error)}`,
      userMessage: 'That card is out of date, or its review date is not a date. Send "review due" again.',
    });
  }
  const { verb, data } = parsed.data.action;
  const reviewBy = new Date(`${data.reviewBy}T00:00:00Z`);
  if (isoDay(reviewBy) <= isoDay(now)) {
    throw new EarshotError({
      code: 'invalid_input',
      message: `review date ${data.reviewBy} is not after today`,
      userMessage: 'Pick a next review date after today; nothing was changed.',
    });
  }
  if (verb === DUE_REVIEW_VERBS.edit && (!data.title || !data.body)) {
    throw new EarshotError({
      code: 'invalid_input',
      message: 'edit without title or body',
      userMessage: 'Give the entry a title and text; nothing was changed.',
    });
  }
  return { verb, e: data.e, reviewBy, title: data.title, body: data.body };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
