import type { Entry, EntryStatus } from '../../knowledge/entry.ts';
import { inlineText, neutralizeLabel } from './card-markdown.ts';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard } from './card-types.ts';

export interface TeamsHomeInput {
  /** What the person shared that everyone may see, newest first, with how often answers cited each. */
  contributions: Array<{ entry: Entry; citations: number }>;
  /** Their contributions private to a conversation: counted here, shown only there. */
  privateContributions: number;
  /** Set for curators: what waits for them. */
  curator?: { pending: number; dueForReview: number; windowDays: number };
}

const MAX_SHOWN = 10;
const MAX_TITLE = 150;

const STATUS_LABELS: Record<EntryStatus, string> = {
  pending: 'pending review',
  published: 'published',
  rejected: 'rejected',
  archived: 'archived',
};

/** The personal "home" in Teams: your contributions and their citations, and for curators what waits. */
export function homeCard(input: TeamsHomeInput): AdaptiveCard {
  const body: Array<Record<string, unknown>> = [
    { type: 'TextBlock', text: '**Your contributions**', wrap: true, size: 'Medium' },
  ];
  const shown = input.contributions.slice(0, MAX_SHOWN);
  if (shown.length === 0 && input.privateContributions === 0) {
    body.push({
      type: 'TextBlock',
      text: 'Nothing yet. Save a message with "Save to Earshot" (the message\'s … menu) to share a tip or what you heard.',
      wrap: true,
    });
  }
  for (const { entry, citations } of shown) {
    const cited = citations === 0 ? 'not cited yet' : `cited ${citations} time${citations === 1 ? '' : 's'}`;
    body.push({
      type: 'TextBlock',
      text: `**${neutralizeLabel(inlineText(entry.title, MAX_TITLE))}** · ${STATUS_LABELS[entry.status]} · ${cited}`,
      wrap: true,
    });
  }
  const more = input.contributions.length - shown.length;
  if (more > 0) body.push(subtle(`…and ${more} more.`));
  if (input.privateContributions > 0) {
    body.push(
      subtle(
        `${input.privateContributions} more shared in private conversations: they are shown only there.`,
      ),
    );
  }
  if (input.curator) {
    const { pending, dueForReview, windowDays } = input.curator;
    body.push(
      { type: 'TextBlock', text: '**For curators**', wrap: true, size: 'Medium', separator: true },
      {
        type: 'TextBlock',
        text: `${pending} waiting for review (send **review**). ${dueForReview} published entr${dueForReview === 1 ? 'y is' : 'ies are'} due for review within ${windowDays} days (send **review due**).`,
        wrap: true,
      },
    );
  }
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    fallbackText: 'Your Earshot contributions',
    body,
    actions: [],
  } as unknown as AdaptiveCard;
}

function subtle(text: string) {
  return { type: 'TextBlock', text, wrap: true, isSubtle: true, size: 'Small' };
}
