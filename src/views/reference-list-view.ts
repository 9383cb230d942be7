import { describeReason, describeUsage } from '../nudges/references/availability.ts';
import type { ReferenceAvailability } from '../nudges/references/reference-views.ts';
import { clip } from './clip.ts';
import { referenceOverrideForm, referenceRequestForm } from './reference-request-form.ts';
import { actionButton } from './view-actions.ts';
import type { Line, MessageView, ViewBlock, ViewItem } from './view-model.ts';

const MAX_CRITERIA = 200;
const MAX_NAME = 100;
const MAX_DETAILS = 200;
/** Each part of the list shows this many; more words narrow it. */
const MAX_LISTED = 10;

/**
 * `references [criteria]`: the references that can take a call now first, each with Request (a note for
 * the owner); then the others with why not, which curators can still request with an override and a reason.
 */
export function referenceListView(
  references: ReferenceAvailability[],
  options: { criteria: string; isCurator: boolean },
): MessageView {
  const criteria = clip(options.criteria, MAX_CRITERIA);
  if (references.length === 0) {
    const none = criteria
      ? `No reference customers match “${criteria}”.`
      : 'No reference customers have been added yet.';
    const next: Line = criteria
      ? ['Try an industry or a product; ', { command: 'references' }, ' lists them all.']
      : ['An admin adds them with ', { code: 'earshot references import' }, '.'];
    return { fallback: none, blocks: [{ type: 'text', lines: [[none], next] }] };
  }
  const available = references.filter((reference) => reference.available);
  const unavailable = references.filter((reference) => !reference.available);
  const counts = `${available.length} of ${references.length} can take a call now`;
  const blocks: ViewBlock[] = [
    { type: 'heading', text: criteria ? `Reference customers for “${criteria}”` : 'Reference customers' },
    { type: 'text', lines: [[`${counts}.`]] },
    ...listed(available.map(availableItem), false),
  ];
  if (unavailable.length > 0) {
    blocks.push(
      { type: 'divider' },
      { type: 'text', lines: [[{ text: 'Not available now', bold: true }]] },
      ...listed(
        unavailable.map((reference) =>
          options.isCurator ? overridableItem(reference) : unavailableItem(reference),
        ),
        !options.isCurator,
      ),
    );
    if (!options.isCurator) {
      blocks.push({ type: 'text', subtle: true, lines: [['Only a curator can override a limit.']] });
    }
  }
  const matching = criteria ? `References matching “${criteria}”` : 'All references';
  return {
    fallback: `${matching}: ${available.length} of ${references.length} available now`,
    blocks,
    whenCut: [{ type: 'text', subtle: true, lines: [['Add words to narrow the list.']] }],
  };
}

function listed(items: ViewItem[], bullets: boolean): ViewBlock[] {
  return items.length > 0 ? [{ type: 'list', noun: 'reference', bullets, max: MAX_LISTED, items }] : [];
}

function availableItem(reference: ReferenceAvailability): ViewItem {
  return {
    line: headline(reference),
    detail: details(reference),
    button: {
      ...actionButton('requestReference', 'Request', { ref: reference.id }, { style: 'primary' }),
      form: referenceRequestForm(reference),
    },
  };
}

function unavailableItem(reference: ReferenceAvailability): ViewItem {
  return { line: [...headline(reference), ` — ${clip(reasons(reference), MAX_DETAILS)}`] };
}

function overridableItem(reference: ReferenceAvailability): ViewItem {
  return {
    line: headline(reference),
    detail: [
      `Not now: ${clip(reasons(reference), MAX_DETAILS)} · `,
      { text: usage(reference), italic: true },
    ],
    button: {
      ...actionButton('overrideReference', 'Request anyway (override)', { ref: reference.id }),
      form: referenceOverrideForm(reference),
    },
  };
}

/** "**Acme Health** (Healthcare)" */
function headline(reference: ReferenceAvailability): Line {
  return [
    { text: clip(reference.account, MAX_NAME), bold: true },
    ` (${clip(reference.industry, MAX_NAME)})`,
  ];
}

/** "Products: … · Use cases: … · _1 of 3 calls in the last 90 days_" */
function details(reference: ReferenceAvailability): Line {
  const parts = [
    reference.products.length > 0 ? `Products: ${reference.products.join(', ')}` : '',
    reference.useCases.length > 0 ? `Use cases: ${reference.useCases.join(', ')}` : '',
  ].filter(Boolean);
  const about = clip(parts.join(' · '), MAX_DETAILS);
  return [...(about ? [`${about} · `] : []), { text: usage(reference), italic: true }];
}

function reasons(reference: ReferenceAvailability): string {
  return reference.reasons.map(describeReason).join('; ');
}

function usage(reference: ReferenceAvailability): string {
  const pending = reference.pendingRequests;
  return `${describeUsage(reference)}${pending > 0 ? `; ${pending} ${pending === 1 ? 'request' : 'requests'} waiting for the owner` : ''}`;
}
