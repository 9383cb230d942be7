import { BUYING_STAGES, ENTRY_KINDS, type EntryKind, KIND_NAMES } from '../../knowledge/entry.ts';
import type { ImportProblem } from '../../knowledge/import/import-problems.ts';
import { type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/** What the form holds: prefilled from a question, or as posted when it had problems. */
export interface NewEntryDraft {
  question: string | null;
  kind: EntryKind;
  title: string;
  body: string;
  topics: string;
  stage: string;
}

/** A new published entry, written by a curator (often to answer a question nobody could). */
export function newEntryPage(options: {
  viewer: Viewer;
  draft: NewEntryDraft;
  problems: readonly ImportProblem[];
}): Html {
  const { viewer, draft, problems } = options;
  return layout({
    title: 'Create entry',
    viewer,
    current: 'insight',
    body: html`<h1>Create entry</h1>
${draft.question ? html`<p>Answering the question: <q>${draft.question}</q></p>` : ''}
${
  problems.length > 0
    ? html`<div role="alert" class="notice"><p>The entry was not saved:</p><ul>${problems.map(
        (problem) => html`<li>${problem.field ? `${problem.field}: ` : ''}${problem.message}</li>`,
      )}</ul></div>`
    : ''
}
<form method="post" action="/console/new-entry" class="new-entry-form">
  <input type="hidden" name="_csrf" value="${viewer.csrfToken}">
  <input type="hidden" name="question" value="${draft.question ?? ''}">
  <label for="kind">Kind</label>
  <select id="kind" name="kind">${ENTRY_KINDS.map(
    (kind) =>
      html`<option value="${kind}"${kind === draft.kind ? ' selected' : ''}>${KIND_NAMES[kind]}</option>`,
  )}</select>
  <label for="title">Title</label>
  <input type="text" id="title" name="title" value="${draft.title}" maxlength="150">
  <label for="body">Text (the answer reps will get)</label>
  <textarea id="body" name="body" rows="8" required>${draft.body}</textarea>
  <label for="topics">Topics <span class="muted">(separated by ;)</span></label>
  <input type="text" id="topics" name="topics" value="${draft.topics}">
  <label for="stage">Buying stage</label>
  <select id="stage" name="stage"><option value="">None</option>${BUYING_STAGES.map(
    (stage) => html`<option value="${stage}"${stage === draft.stage ? ' selected' : ''}>${stage}</option>`,
  )}</select>
  <button type="submit">Create entry</button>
</form>`,
  });
}
