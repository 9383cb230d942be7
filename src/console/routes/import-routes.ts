import type { Context, Hono } from 'hono';
import { EarshotError } from '../../errors.ts';
import { importEntries } from '../../knowledge/import/import-entries.ts';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { filtersOf } from '../entry-filters.ts';
import { exportEntries } from '../import/export-entries.ts';
import { EXPORT_FORMATS, exportFile } from '../import/export-formats.ts';
import { MAX_UPLOAD_BYTES } from '../import/import-limits.ts';
import { type HeldUpload, ImportUploads } from '../import/import-uploads.ts';
import { type ImportStage, importPage } from '../pages/import-page.ts';

/**
 * Curators only: `/console/import` (upload → preview or problems → confirm) and `POST /console/export`
 * (the knowledge filter's entries as JSON Lines, CSV or Markdown files in a zip). Both are in the audit log.
 */
export function importRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  const uploads = new ImportUploads({ clock: deps.clock });
  for (const path of ['/import', '/import/*', '/export']) app.use(path, requireCurator());

  app.get('/import', (c) => {
    const param = (name: string) => c.req.query(name);
    const file = param('imported');
    const stage: ImportStage = file
      ? { kind: 'done', fileName: file, added: count(param('added')), updated: count(param('updated')) }
      : { kind: 'start' };
    return page(c, stage);
  });

  app.post('/import', async (c) => {
    const file = c.get('form').file;
    if (!(file instanceof File) || file.size === 0) {
      return page(c, { kind: 'refused', message: 'Choose a file to import.' }, 400);
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      return page(c, { kind: 'refused', message: tooLarge() }, 413);
    }
    const checked = await uploads.check(
      c.get('sessionId'),
      file.name,
      new Uint8Array(await file.arrayBuffer()),
    );
    if (!checked.ok) return page(c, { kind: 'problems', ...checked }, 422);
    const updates = await alreadyHere(deps, c.get('viewer').organization, checked.upload);
    return page(c, { kind: 'preview', upload: checked.upload, updates });
  });

  app.post('/import/confirm', async (c) => {
    const viewer = c.get('viewer');
    const id = c.get('form').upload;
    const upload = typeof id === 'string' ? await uploads.find(c.get('sessionId'), id) : null;
    if (!upload) {
      const message =
        'That upload has expired or was replaced (files wait 15 minutes): upload the file again.';
      return page(c, { kind: 'refused', message }, 410);
    }
    let result: Awaited<ReturnType<typeof importEntries>>;
    try {
      result = await importEntries({ db: deps.db, workspaceId: viewer.organization, files: upload.paths });
    } catch (error) {
      if (!(error instanceof EarshotError) || error.code !== 'import_invalid') throw error;
      await uploads.forget(c.get('sessionId'));
      return page(c, { kind: 'refused', message: shownNames(error.userMessage, upload) }, 422);
    }
    await uploads.forget(c.get('sessionId'));
    await deps.audit.recordBulk({
      organization: viewer.organization,
      actor: viewer.email,
      action: 'import',
      detail: `${upload.fileName}: ${result.inserted} added, ${result.updated} updated`,
    });
    const done = new URLSearchParams({
      imported: upload.fileName,
      added: String(result.inserted),
      updated: String(result.updated),
    });
    return c.redirect(`/console/import?${done}`, 303);
  });

  app.post('/import/cancel', async (c) => {
    await uploads.forget(c.get('sessionId'));
    return c.redirect('/console/import', 303);
  });

  app.post('/export', async (c) => {
    const viewer = c.get('viewer');
    const form = c.get('form');
    const filters = filtersOf((name) => (typeof form[name] === 'string' ? form[name] : undefined));
    const format = EXPORT_FORMATS.find((name) => name === form.format) ?? 'jsonl';
    const entries = await exportEntries(deps.db, viewer.organization, filters, deps.clock.now());
    const file = exportFile(entries, format);
    const described = [filters.kind, filters.topic, filters.stage].filter(Boolean).join(', ') || 'all';
    await deps.audit.recordBulk({
      organization: viewer.organization,
      actor: viewer.email,
      action: 'export',
      detail: `${entries.length} published entries (${described}) as ${file.label}`,
    });
    const day = deps.clock.now().toISOString().slice(0, 10);
    return c.body(file.body, 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="earshot-entries-${day}${file.extension}"`,
    });
  });
}

function page(c: Context<ConsoleEnv>, stage: ImportStage, status: 200 | 400 | 410 | 413 | 422 = 200) {
  return c.html(
    importPage({ viewer: c.get('viewer'), stage, maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024 }),
    status,
  );
}

function tooLarge(): string {
  return `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Split it into smaller files, or import it on the server with \`earshot import\`.`;
}

/** How many of the upload's entries have an externalId the organization already has (they are updated). */
async function alreadyHere(deps: ConsoleDeps, organization: string, upload: HeldUpload): Promise<number> {
  const ids = upload.entries.flatMap((entry) => (entry.externalId ? [entry.externalId] : []));
  if (ids.length === 0) return 0;
  return deps.db.prisma.entry.count({ where: { workspaceId: organization, externalId: { in: ids } } });
}

/** A message naming temporary paths, with the names the curator uploaded instead. */
function shownNames(message: string, upload: HeldUpload): string {
  let shown = message;
  for (const [file, name] of upload.names) {
    shown = shown.replaceAll(file, upload.paths.length > 1 ? `${upload.fileName}: ${name}` : name);
  }
  return shown;
}

function count(value: string | undefined): number {
  return Math.max(0, Number.parseInt(value ?? '', 10) || 0);
}
