import type { Context, Hono } from 'hono';
import type { DigestChannel } from '../../digest/digest-subscriptions.ts';
import { readScheduleChange } from '../../digest/schedule-change.ts';
import { describeSchedule } from '../../digest/weekly-schedule.ts';
import { digestView } from '../../views/digest-view.ts';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { digestRowOf, digestRows } from '../digests/digest-rows.ts';
import { digestEditPage } from '../pages/digest-edit-page.ts';
import { conversationLabel, platformLabel, topicsLabel } from '../pages/digest-labels.ts';
import { digestPreviewPage } from '../pages/digest-preview-page.ts';
import { digestsPage } from '../pages/digests-page.ts';
import { messagePage } from '../pages/layout.ts';

const RUNS_LISTED = 5;

/**
 * Curators only: `/console/digests` lists the organization's weekly digest subscriptions; each one's
 * page changes its schedule, topics and content gaps, previews it, or removes it (all audited).
 */
export function digestsRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.use('/digests', requireCurator());
  app.use('/digests/*', requireCurator());
  const field = (form: Record<string, unknown>, name: string) =>
    typeof form[name] === 'string' ? (form[name] as string) : '';
  const rowOf = (c: Context<ConsoleEnv>, runs = RUNS_LISTED) =>
    digestRowOf(deps, c.get('viewer').organization, Number(c.req.param('id')), runs);

  app.get('/digests', async (c) => {
    const viewer = c.get('viewer');
    const removed = c.req.query('removed');
    return c.html(
      digestsPage({
        viewer,
        rows: await digestRows(deps, viewer.organization, 1),
        notice: removed ? `Removed the weekly digest in ${removed}.` : null,
      }),
    );
  });

  app.get('/digests/:id', async (c) => {
    const row = await rowOf(c);
    if (!row) return notFound(c);
    const saved = c.req.query('saved') === '1';
    return c.html(
      digestEditPage({ viewer: c.get('viewer'), row, notice: saved ? savedNotice(row.subscription) : null }),
    );
  });

  app.post('/digests/:id', async (c) => {
    const viewer = c.get('viewer');
    const row = await rowOf(c);
    if (!row) return notFound(c);
    const form = c.get('form');
    const values = {
      weekday: field(form, 'weekday'),
      time: field(form, 'time'),
      timeZone: field(form, 'timeZone'),
      topics: field(form, 'topics'),
      forCurators: field(form, 'forCurators'),
    };
    const read = readScheduleChange({ ...values, forCurators: values.forCurators === 'yes' });
    if (!read.ok) {
      return c.html(digestEditPage({ viewer, row, state: { values, errors: read.errors } }), 400);
    }
    const changed = await deps.digests.change(row.subscription.id, viewer.organization, read.change);
    if (!changed) return notFound(c);
    await deps.audit.recordBulk({
      organization: viewer.organization,
      actor: viewer.email,
      action: 'digest-changed',
      detail: `${platformLabel(changed.platform)} ${conversationLabel(row)}: ${savedNotice(changed)}`,
    });
    return c.redirect(`/console/digests/${changed.id}?saved=1`, 303);
  });

  app.post('/digests/:id/remove', async (c) => {
    const viewer = c.get('viewer');
    const row = await rowOf(c, 0);
    if (!row) return notFound(c);
    await deps.digests.unsubscribe(channelOf(row.subscription));
    const where = `${platformLabel(row.subscription.platform)} ${conversationLabel(row)}`;
    await deps.audit.recordBulk({
      organization: viewer.organization,
      actor: viewer.email,
      action: 'digest-removed',
      detail: `${where} (was ${describeSchedule(row.subscription.schedule)})`,
    });
    return c.redirect(`/console/digests?${new URLSearchParams({ removed: where })}`, 303);
  });

  app.get('/digests/:id/preview', async (c) => {
    const row = await rowOf(c, 0);
    if (!row) return notFound(c);
    const { subscription } = row;
    const message = await deps.digests.preview(channelOf(subscription), {
      timeZone: subscription.schedule.timeZone,
      outsideChannel: true,
    });
    const where = `${platformLabel(subscription.platform)}: ${conversationLabel(row)}`;
    // The page says it is a preview; chat's "only you can see this" note would not be true of a page.
    return c.html(
      digestPreviewPage({
        viewer: c.get('viewer'),
        id: subscription.id,
        where,
        view: digestView({ ...message, preview: false }),
      }),
    );
  });
}

/** "Mondays at 09:00 (Europe/Berlin), every topic, content gaps: no." */
function savedNotice(subscription: {
  schedule: Parameters<typeof describeSchedule>[0];
  topics: string[];
  forCurators: boolean;
}): string {
  return `${describeSchedule(subscription.schedule)}, ${topicsLabel(subscription.topics)}, content gaps: ${subscription.forCurators ? 'yes' : 'no'}.`;
}

/** Only the channel's key: the core looks a subscription up by it. */
function channelOf({ platform, workspaceId, conversationId }: DigestChannel): DigestChannel {
  return { platform, workspaceId, conversationId };
}

function notFound(c: Context<ConsoleEnv>) {
  return c.html(
    messagePage('Not found', 'This organization has no such digest subscription. It may have been removed.'),
    404,
  );
}
