import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import { formFacets } from '../../knowledge/capture/form-facets.ts';
import type { Entry } from '../../knowledge/entry.ts';
import { inlineText, linkTarget, markdownLink, neutralizeLabel } from './card-markdown.ts';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard } from './card-types.ts';
import { facetInputs } from './facet-inputs.ts';

export const REVIEW_VERBS = {
  approve: 'earshot_curate_approve',
  reject: 'earshot_curate_reject',
  edit: 'earshot_curate_edit',
  merge: 'earshot_curate_merge',
} as const;

/** A published entry the pending one may duplicate, offered as a merge target. */
export interface MergeCandidate {
  id: number;
  title: string;
}

/**
 * One pending entry for a curator: what it says, where it came from, and Approve / Edit / Merge /
 * Reject. Merge is offered when there are published entries it may duplicate (most alike first).
 */
export function reviewCard(entry: Entry, mergeCandidates: MergeCandidate[] = []): AdaptiveCard {
  const source = linkTarget(entry.sourceUrl);
  const from = [entry.sourceAuthor, entry.sourceChannel].filter(Boolean).join(' in ');
  const where = `${from || 'unknown source'}, ${entry.createdAt.toISOString().slice(0, 10)}`;
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: `${entry.kind} · **${neutralizeLabel(inlineText(entry.title, 150))}**`,
        wrap: true,
      },
      { type: 'TextBlock', text: inlineText(entry.body, 600), wrap: true },
      {
        type: 'TextBlock',
        text: source ? `${where} · ${markdownLink(source, 'source')}` : where,
        wrap: true,
        isSubtle: true,
        size: 'Small',
      },
    ],
    actions: [
      {
        type: 'Action.Execute',
        title: 'Approve',
        verb: REVIEW_VERBS.approve,
        data: { e: entry.id },
        style: 'positive',
      },
      {
        type: 'Action.ShowCard',
        title: 'Edit',
        card: {
          type: 'AdaptiveCard',
          body: [...titleAndTextInputs(entry), ...facetInputs(entry)],
          actions: [
            { type: 'Action.Execute', title: 'Save', verb: REVIEW_VERBS.edit, data: { e: entry.id } },
          ],
        },
      },
      ...(mergeCandidates.length > 0 ? [mergeAction(entry, mergeCandidates)] : []),
      {
        type: 'Action.Execute',
        title: 'Reject',
        verb: REVIEW_VERBS.reject,
        data: { e: entry.id },
        style: 'destructive',
      },
    ],
  } as unknown as AdaptiveCard;
}

function mergeAction(entry: Entry, candidates: MergeCandidate[]) {
  return {
    type: 'Action.ShowCard',
    title: 'Merge',
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.ChoiceSet',
          id: 'target',
          label: 'Merge into (its text and topics are added there, and this entry is archived)',
          style: 'filtered',
          isRequired: true,
          errorMessage: 'Pick the entry to merge into.',
          choices: candidates.map((candidate) => ({
            title: `${inlineText(candidate.title, 100)} (#${candidate.id})`,
            value: String(candidate.id),
          })),
        },
      ],
      actions: [{ type: 'Action.Execute', title: 'Merge', verb: REVIEW_VERBS.merge, data: { e: entry.id } }],
    },
  };
}

const reviewAction = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.enum([REVIEW_VERBS.approve, REVIEW_VERBS.reject, REVIEW_VERBS.edit, REVIEW_VERBS.merge]),
    data: z.object({
      e: z.int().positive(),
      // Teams sends a choice's value as a string.
      target: z
        .string()
        .regex(/^\d{1,12}$/)
        .transform(Number)
        .optional(),
      title: z.string().trim().min(1).max(150).optional(),
      body: z.string().trim().min(1).max(20_000).optional(),
      industry: z.string().max(1000).optional(),
      roles: z.string().max(2000).optional(),
    }),
  }),
});

export type ReviewAction = {
  verb: (typeof REVIEW_VERBS)[keyof typeof REVIEW_VERBS];
  e: number;
  target?: number;
  title?: string;
  body?: string;
  /** Absent: the card had no such input (keep as is); null: cleared. */
  industry?: string | null;
  roles?: string[];
};

export function isReviewVerb(value: unknown): boolean {
  const verb = (value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' && (Object.values(REVIEW_VERBS) as string[]).includes(verb);
}

/** Reads a review card's action; the invoke body is untrusted, so anything malformed is refused. */
export function parseReviewAction(value: unknown): ReviewAction {
  const parsed = reviewAction.safeParse(value);
  if (!parsed.success) {
    throw new EarshotError({
      code: 'invalid_input',
      message: `Invalid review card action: ${z.prettifyError(parsed.error)}`,
      userMessage: 'That card is out of date. Type review again.',
    });
  }
  const { verb, data } = parsed.data.action;
  if (verb === REVIEW_VERBS.edit && (!data.title || !data.body)) {
    throw new EarshotError({
      code: 'invalid_input',
      message: 'edit without title or body',
      userMessage: 'Give the entry a title and text.',
    });
  }
  if (verb === REVIEW_VERBS.merge && !data.target) {
    throw new EarshotError({
      code: 'invalid_input',
      message: 'merge without a target',
      userMessage: 'Pick the entry to merge into.',
    });
  }
  const { industry, roles, ...rest } = data;
  return {
    verb,
    ...rest,
    ...(industry === undefined ? {} : { industry: facet(formFacets.industry, industry, 'Industry') ?? null }),
    ...(roles === undefined ? {} : { roles: facet(formFacets.roles, roles, 'Buyer roles') }),
  };
}

/** One facet input's value, or an error naming the field and what it accepts. */
function facet<T>(schema: z.ZodType<T>, value: string, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? 'is not valid';
  throw new EarshotError({
    code: 'invalid_input',
    message: `review card edit: ${field} ${message}`,
    userMessage: `${field} ${message}.`,
  });
}

/** The title and text inputs of a card's Edit form, prefilled from the entry. */
export function titleAndTextInputs(entry: Pick<Entry, 'title' | 'body'>) {
  return [
    {
      type: 'Input.Text',
      id: 'title',
      label: 'Title',
      value: entry.title.slice(0, 150),
      maxLength: 150,
      isRequired: true,
    },
    {
      type: 'Input.Text',
      id: 'body',
      label: 'Text',
      value: entry.body.slice(0, 3000),
      isMultiline: true,
      isRequired: true,
    },
  ];
}
