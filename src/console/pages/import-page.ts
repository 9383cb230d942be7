import { KIND_NAMES } from '../../knowledge/entry.ts';
import type { ImportProblem } from '../../knowledge/import/import-problems.ts';
import type { HeldUpload } from '../import/import-uploads.ts';
import { type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/** What the page shows under the upload form: nothing yet, a file's problems, its preview, or the import done. */
export type ImportStage =
  | { kind: 'start' }
  | { kind: 'problems'; fileName: string; problems: readonly ImportProblem[]; total: number }
  | { kind: 'preview'; upload: HeldUpload; updates: number }
  | { kind: 'done'; fileName: string; added: number; updated: number }
  | { kind: 'refused'; message: string };

const PREVIEWED = 20;

/** Upload, check, confirm: nothing is stored until the curator confirms a file without problems. */
export function importPage(options: { viewer: Viewer; stage: ImportStage; maxMegabytes: number }): Html {
  const { viewer, stage } = options;
  return layout({
    title: 'Import',
    viewer,
    current: 'import',
    body: html`<h1>Import entries</h1>
<div role="status">${statusOf(stage)}</div>
${stage.kind === 'problems' ? problemsSection(stage) : ''}
${stage.kind === 'preview' ? previewSection(viewer, stage.upload, stage.updates) : ''}
<h2 id="upload-heading">Upload a file</h2>
<p>JSON Lines (<code>.jsonl</code>), CSV (<code>.csv</code>) or Markdown (<code>.md</code>, one entry per file;
several in a <code>.zip</code>), the formats of <code>earshot import</code>, up to ${options.maxMegabytes} MB. The file is checked first; nothing is stored until you confirm.
Entries with an <code>externalId</code> the knowledge base already has are updated, not added twice.</p>
<form method="post" action="/console/import" enctype="multipart/form-data" aria-labelledby="upload-heading">
  <input type="hidden" name="_csrf" value="${viewer.csrfToken}">
  <label for="file">Import file</label>
  <input type="file" id="file" name="file" accept=".jsonl,.ndjson,.csv,.md,.markdown,.zip" required>
  <button type="submit">Check file</button>
</form>
<h2>Export</h2>
<p>To export entries, filter them on the <a href="/console">Knowledge</a> page and press <strong>Export JSONL</strong>,
<strong>Export CSV</strong> or <strong>Export Markdown (zip)</strong>: the file imports back here unchanged.</p>`,
  });
}

function statusOf(stage: ImportStage): Html | string {
  switch (stage.kind) {
    case 'problems':
      return html`<p class="notice">${stage.fileName} has ${stage.total} ${stage.total === 1 ? 'problem' : 'problems'}. Nothing was stored: fix the file and upload it again.</p>`;
    case 'done':
      return html`<p class="notice">Imported ${stage.fileName}: ${stage.added} added, ${stage.updated} updated.</p>`;
    case 'refused':
      return html`<p class="notice">${stage.message} Nothing was stored.</p>`;
    default:
      return '';
  }
}

function problemsSection(stage: Extract<ImportStage, { kind: 'problems' }>): Html {
  const more = stage.total - stage.problems.length;
  return html`<h2 id="problems-heading">Problems in ${stage.fileName}</h2>
<table aria-labelledby="problems-heading">
<thead><tr><th scope="col">Line</th><th scope="col">Field</th><th scope="col">Problem</th></tr></thead>
<tbody>${stage.problems.map(
    (problem) =>
      html`<tr><td>${problem.line ?? 'whole file'}</td><td>${problem.field ?? ''}</td><td>${problem.message}</td></tr>`,
  )}</tbody>
</table>
${more > 0 ? html`<p>…and ${more} more not listed.</p>` : ''}`;
}

function previewSection(viewer: Viewer, upload: HeldUpload, updates: number): Html {
  const count = upload.entries.length;
  const shown = upload.entries.slice(0, PREVIEWED);
  return html`<h2 id="preview-heading">Ready to import ${upload.fileName}</h2>
<p>${count} ${count === 1 ? 'entry' : 'entries'} without problems: ${count - updates} new, ${updates} ${updates === 1 ? 'updates an entry' : 'update entries'} already here.
Nothing is stored until you press <strong>Import</strong>.</p>
<table aria-labelledby="preview-heading">
<thead><tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Topics</th><th scope="col">externalId</th></tr></thead>
<tbody>${shown.map(
    (entry) =>
      html`<tr><td>${entry.title ?? entry.body.slice(0, 80)}</td><td>${KIND_NAMES[entry.kind]}</td><td>${(entry.topics ?? []).join(', ')}</td><td>${entry.externalId ?? ''}</td></tr>`,
  )}</tbody>
</table>
${count > shown.length ? html`<p>…and ${count - shown.length} more.</p>` : ''}
<div class="actions">
<form method="post" action="/console/import/confirm">
  <input type="hidden" name="_csrf" value="${viewer.csrfToken}">
  <input type="hidden" name="upload" value="${upload.id}">
  <button type="submit">Import ${count} ${count === 1 ? 'entry' : 'entries'}</button>
</form>
<form method="post" action="/console/import/cancel">
  <input type="hidden" name="_csrf" value="${viewer.csrfToken}">
  <button type="submit" class="secondary">Cancel</button>
</form>
</div>`;
}
