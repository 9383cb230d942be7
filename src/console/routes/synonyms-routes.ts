import type { Hono } from 'hono';
import { EarshotError } from '../../errors.ts';
import { WorkspaceSynonyms } from '../../knowledge/search/workspace-synonyms.ts';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { synonymsPage } from '../pages/synonyms-page.ts';

/** Curators only: `/console/synonyms` lists the organization's synonyms and adds or removes pairs (audited). */
export function synonymsRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.use('/synonyms', requireCurator());
  app.use('/synonyms/*', requireCurator());
  const synonyms = new WorkspaceSynonyms(deps.db);
  const field = (form: Record<string, unknown>, name: string) =>
    typeof form[name] === 'string' ? (form[name] as string) : '';

  app.get('/synonyms', async (c) => {
    const viewer = c.get('viewer');
    return c.html(synonymsPage({ viewer, synonyms: await synonyms.list(viewer.organization) }));
  });

  app.post('/synonyms', async (c) => {
    const viewer = c.get('viewer');
    const form = c.get('form');
    const term = field(form, 'term');
    const synonym = field(form, 'synonym');
    try {
      const added = await synonyms.add({
        workspaceId: viewer.organization,
        term,
        synonym,
        createdBy: viewer.email,
      });
      await deps.audit.recordBulk({
        organization: viewer.organization,
        actor: viewer.email,
        action: 'synonym-added',
        detail: `“${added.term}” = “${added.synonym}”`,
      });
      return c.html(
        synonymsPage({
          viewer,
          synonyms: await synonyms.list(viewer.organization),
          notice: `Added: “${added.term}” and “${added.synonym}” now find each other's entries.`,
        }),
      );
    } catch (error) {
      if (!(error instanceof EarshotError)) throw error;
      const page = synonymsPage({
        viewer,
        synonyms: await synonyms.list(viewer.organization),
        problem: { term, synonym, message: error.userMessage },
      });
      return c.html(page, 400);
    }
  });

  app.post('/synonyms/remove', async (c) => {
    const viewer = c.get('viewer');
    const form = c.get('form');
    const term = field(form, 'term');
    const synonym = field(form, 'synonym');
    try {
      await synonyms.remove({ workspaceId: viewer.organization, term, synonym });
    } catch (error) {
      if (!(error instanceof EarshotError)) throw error;
      const page = synonymsPage({
        viewer,
        synonyms: await synonyms.list(viewer.organization),
        notice: error.userMessage,
      });
      return c.html(page, 404);
    }
    await deps.audit.recordBulk({
      organization: viewer.organization,
      actor: viewer.email,
      action: 'synonym-removed',
      detail: `“${term}” = “${synonym}”`,
    });
    return c.html(
      synonymsPage({
        viewer,
        synonyms: await synonyms.list(viewer.organization),
        notice: `Removed: “${term}” and “${synonym}”.`,
      }),
    );
  });
}
