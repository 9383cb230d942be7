import type { Line, MessageView, Span, ViewBlock, ViewItem } from '../../views/view-model.ts';
import { day, type Html, html, safeHref } from './html.ts';

/**
 * A chat message's view as a page section, for reading only: headings, text, lists and facts as HTML,
 * buttons left out (they act in chat). Lists show every item the view holds, so nothing is cut here.
 */
export function messageViewHtml(view: MessageView): Html {
  return html`${view.blocks.map(blockHtml)}`;
}

function blockHtml(block: ViewBlock): Html {
  switch (block.type) {
    case 'heading':
      return html`<h2>${block.text}</h2>`;
    case 'text':
      return html`${block.lines.map((line) => html`<p${block.subtle ? html` class="muted"` : ''}>${lineHtml(line)}</p>`)}`;
    case 'list': {
      const more = block.more ?? 0;
      return html`<ul${block.subtle ? html` class="muted"` : ''}>${block.items.map(itemHtml)}</ul>
${more > 0 ? html`<p class="muted">…and ${more} more ${more === 1 ? block.noun : (block.nouns ?? `${block.noun}s`)}</p>` : ''}`;
    }
    case 'facts':
      return html`<dl>${block.facts.map((fact) => html`<dt>${fact.label}</dt><dd>${lineHtml(fact.value)}</dd>`)}</dl>`;
    case 'divider':
      return html`<hr>`;
    case 'buttons':
      return html``;
  }
}

function itemHtml(item: ViewItem): Html {
  const details = [...(item.detail ? [item.detail] : []), ...(item.details ?? [])];
  return html`<li>${lineHtml(item.line)}${details.map((line) => html`<br><span class="muted">${lineHtml(line)}</span>`)}</li>`;
}

function lineHtml(line: Line): Html {
  return html`${line.map(spanHtml)}`;
}

function spanHtml(span: Span): Html | string {
  if (typeof span === 'string') return span;
  if ('text' in span) {
    const href = safeHref(span.href ?? null);
    let text: Html | string = span.text;
    if (span.bold) text = html`<strong>${text}</strong>`;
    if (span.italic) text = html`<em>${text}</em>`;
    return href ? html`<a href="${href}">${text}</a>` : text;
  }
  if ('date' in span) return day(span.date);
  if ('person' in span) return span.person.name ?? span.person.userId;
  if ('code' in span) return html`<code>${span.code}</code>`;
  if ('command' in span) return html`<code>${span.command}</code>`;
  return html`${span.citations.map((citation) => `[${citation.n}]`).join('')}`;
}
