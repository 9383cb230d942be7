import type { UnloggedAnswer } from '../knowledge/answer/answer-question.ts';
import {
  type AnswerReferences,
  notAvailableText,
  referencesHeadline,
} from '../knowledge/answer/answer-references.ts';
import type { Source, Statement } from '../knowledge/answer/answer-types.ts';
import { entriesNote } from '../knowledge/answer/days-ago.ts';
import { notReviewedSince } from '../knowledge/answer/freshness.ts';

/** The answer as plain text for a terminal; an answer without a `questionId` was not logged (evaluation runs). */
export function renderAnswer(answer: UnloggedAnswer & { questionId?: number }, now = new Date()): string {
  const applied = answer.facets?.labels.length ? `Filtered to: ${answer.facets.labels.join(' · ')}\n` : '';
  if (answer.facets?.withoutFindsMore) {
    return `${applied}Nothing matches ${answer.facets.labels.join(' · ')}, but there are answers without those filters: ask again with --no-facets.\n`;
  }
  if (!answer.heard) {
    const logged =
      answer.questionId === undefined ? '' : ' The question was logged so curators can fill the gap.';
    const references = answer.references ? ['', ...referenceLines(answer.references)].join('\n') : '';
    const closest = answer.closest ?? [];
    if (closest.length === 0) {
      return `${applied}Nothing heard yet about ${answer.subject}.\nNo chatter, tips, research or expert content matches.${logged}${references}\n`;
    }
    const entries = closest.map((source) => renderSource(source, now)).join('\n');
    return `${applied}Nothing heard yet about ${answer.subject}.\nNothing in the knowledge base answers it.${logged}\nClosest, not an answer:\n${entries}${references}\n`;
  }
  const lines: string[] = applied ? [applied.trimEnd()] : [];
  const { summary, statements } = answer.field;
  if (statements.length > 0) {
    lines.push(`What the field is hearing: ${summary.headline} (${entriesNote(summary, now)})`);
    lines.push(...statements.map(bullet));
  } else {
    lines.push(`Nothing heard from the field yet about ${answer.subject}.`);
  }
  if (answer.objective.statements.length > 0) {
    lines.push('', 'Research and expert content:', ...answer.objective.statements.map(bullet));
  }
  if (answer.references) lines.push('', ...referenceLines(answer.references));
  lines.push('', 'Sources:', ...answer.sources.map((source) => renderSource(source, now)));
  if (answer.model) lines.push('', `Written by ${answer.model} from the sources above.`);
  return `${lines.join('\n')}\n`;
}

function bullet(statement: Statement) {
  return `  • ${statement.text} ${statement.citations.map((n) => `[${n}]`).join('')}`;
}

/** Reference customers, available first; requests are made in chat or with `earshot references`. */
function referenceLines(references: AnswerReferences): string[] {
  if (references.matches.length === 0) {
    return [
      references.criteria
        ? `No reference customers match "${references.criteria}".`
        : 'No reference customers have been added yet.',
    ];
  }
  const lines = [
    `${referencesHeadline(references, references.criteria)}:`,
    ...references.matches.map(
      (match) =>
        `  • ${match.account} (${match.industry}) — ${match.available ? 'available' : notAvailableText(match)}`,
    ),
  ];
  if (references.more > 0) lines.push(`  …and ${references.more} more`);
  return lines;
}

export function renderSource(source: Source, now = new Date()): string {
  const by = [source.author, source.account].filter(Boolean).join(', ');
  const parts = [
    `[${source.n}] ${source.title}`,
    `${source.kind}${by ? `, ${by}` : ''}`,
    isoDay(source.createdAt),
  ];
  if (source.url) parts.push(source.url);
  if (source.staleSince) parts.push(`⚠ ${notReviewedSince(source.staleSince, now)}`);
  return `  ${parts.join(' — ')}`;
}

export function isoDay(date: Date) {
  return date.toISOString().slice(0, 10);
}
