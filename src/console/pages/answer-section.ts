import type { UnloggedAnswer } from '../../knowledge/answer/answer-question.ts';
import type { Source, Statement } from '../../knowledge/answer/answer-types.ts';
import { entriesNote } from '../../knowledge/answer/days-ago.ts';
import { KIND_NAMES } from '../../knowledge/entry.ts';
import { day, type Html, html, safeHref } from './html.ts';

/**
 * The answer chat would give, as a page section: the same "heard" outcome, field statements, research
 * and sources. The console does not log the question (nothing is routed to curators from here).
 */
export function answerSection(answer: UnloggedAnswer, query: string, now: Date): Html {
  const applied = answer.facets?.labels ?? [];
  if (answer.facets?.withoutFindsMore) {
    const all = `/console?${new URLSearchParams({ q: query, all: '1' })}`;
    return section(
      html`<p>Nothing matches <strong>${applied.join(' · ')}</strong>, but there are answers without those filters.
<a href="${all}">Search without filters</a></p>`,
    );
  }
  if (!answer.heard) {
    const closest = answer.closest ?? [];
    if (closest.length === 0) {
      return section(
        html`<p>Nothing heard yet about <strong>${answer.subject}</strong>. No chatter, tips, research or expert content matches.</p>`,
      );
    }
    return section(html`<p>Nothing heard yet about <strong>${answer.subject}</strong>. Nothing in the knowledge base answers it; the closest entries are below.</p>
<h3>Closest, not an answer</h3>
<ol>${closest.map(sourceItem)}</ol>`);
  }
  const { summary, statements } = answer.field;
  const objective = answer.objective.statements;
  return section(html`${applied.length > 0 ? html`<p class="muted">Filtered to: ${applied.join(' · ')}</p>` : ''}
${
  statements.length > 0
    ? html`<h3>What the field is hearing</h3>
<p>${summary.headline} (${entriesNote(summary, now)})</p>
<ul>${statements.map(statementItem)}</ul>`
    : html`<p>Nothing heard from the field yet about ${answer.subject}.</p>`
}
${objective.length > 0 ? html`<h3>Research and expert content</h3><ul>${objective.map(statementItem)}</ul>` : ''}
<h3>Sources</h3>
<ol>${answer.sources.map(sourceItem)}</ol>
${answer.model ? html`<p class="muted">Written by ${answer.model} from the sources above.</p>` : ''}`);
}

function section(body: Html): Html {
  return html`<section class="answer" aria-labelledby="answer-heading"><h2 id="answer-heading">Answer</h2>${body}</section>`;
}

function statementItem(statement: Statement): Html {
  return html`<li>${statement.text} <span class="muted">${statement.citations.map((n) => `[${n}]`).join('')}</span></li>`;
}

function sourceItem(source: Source): Html {
  const href = safeHref(source.url);
  const title = href ? html`<a href="${href}">${source.title}</a>` : source.title;
  const credit = [source.author, source.account, day(source.createdAt)].filter(Boolean).join(' · ');
  return html`<li value="${source.n}">${title} <span class="muted">— ${KIND_NAMES[source.kind]}, ${credit}</span> <a href="/console/entries/${source.id}">Entry page<span class="visually-hidden"> of ${source.title}</span></a></li>`;
}
