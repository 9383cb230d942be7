import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { accountIndustries, listAccounts } from '../../nudges/accounts/account-directory.ts';
import { addAccount, changeAccount } from '../../nudges/accounts/account-edits.ts';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { accountEditPage } from '../pages/account-edit-page.ts';
import { type AccountFilters, accountsPage } from '../pages/accounts-page.ts';
import { messagePage } from '../pages/layout.ts';

const PAGE_SIZE = 50;
const MAX_FILTER_CHARS = 200;
// Long values pass through, so the account's checks name the field that is too long.
const formText = z.string().max(10_000).catch('');
const accountForm = z.object({ name: formText, domain: formText, industry: formText, ownerEmail: formText });
const accountId = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * `/console/accounts`: everyone of the organization sees its accounts and owners; curators add an
 * account and change one's owner, industry or domain (validated like an import, audited).
 */
export function accountsRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  // Not `/accounts/*`: that would match the list too, which everyone may see.
  app.use('/accounts/:id', requireCurator());

  const listPage = async (
    c: Context<ConsoleEnv>,
    extra: Partial<Parameters<typeof accountsPage>[0]> = {},
  ) => {
    const viewer = c.get('viewer');
    const text = (name: string) => (c.req.query(name) ?? '').trim().slice(0, MAX_FILTER_CHARS);
    const filters: AccountFilters = { search: text('q'), industry: text('industry'), owner: text('owner') };
    const after = text('after') || null;
    const [page, industries] = await Promise.all([
      listAccounts(deps.db, { workspaceId: viewer.organization, ...filters, after, limit: PAGE_SIZE }),
      accountIndustries(deps.db, viewer.organization),
    ]);
    return accountsPage({ viewer, filters, industries, ...page, firstPage: !after, ...extra });
  };

  app.get('/accounts', async (c) => c.html(await listPage(c)));

  app.post('/accounts', requireCurator(), async (c) => {
    const viewer = c.get('viewer');
    const draft = accountForm.parse(c.get('form'));
    const added = await addAccount({
      db: deps.db,
      clock: deps.clock,
      workspaceId: viewer.organization,
      draft,
    });
    if (!added.ok) return c.html(await listPage(c, { draft, problems: added.problems }), 422);
    const { account } = added;
    await deps.audit.recordBulk({
      organization: viewer.organization,
      actor: viewer.email,
      action: 'account-added',
      detail: `${account.name}${account.domain ? ` (${account.domain})` : ''}, owner ${account.ownerEmail}`,
    });
    if (added.alertsQueued > 0) deps.nudges.kick();
    return c.html(await listPage(c, { notice: addedNotice(added) }));
  });

  app.get('/accounts/:id', async (c) => {
    const viewer = c.get('viewer');
    const account = await findAccount(c.req.param('id'), viewer.organization);
    if (!account) return notFound(c);
    const draft = {
      ownerEmail: account.ownerEmail,
      industry: account.industry ?? '',
      domain: account.domain ?? '',
    };
    return c.html(accountEditPage({ viewer, account, draft, problems: [] }));
  });

  app.post('/accounts/:id', async (c) => {
    const viewer = c.get('viewer');
    const id = accountId.safeParse(c.req.param('id'));
    const { ownerEmail, industry, domain } = accountForm.parse(c.get('form'));
    const draft = { ownerEmail, industry, domain };
    const changed = id.success
      ? await changeAccount({
          db: deps.db,
          clock: deps.clock,
          workspaceId: viewer.organization,
          accountId: id.data,
          draft,
        })
      : null;
    if (!changed) return notFound(c);
    if (!changed.ok) {
      const account = await findAccount(c.req.param('id'), viewer.organization);
      if (!account) return notFound(c);
      return c.html(accountEditPage({ viewer, account, draft, problems: changed.problems }), 422);
    }
    const { account, changes } = changed;
    if (changes.length > 0) {
      await deps.audit.recordBulk({
        organization: viewer.organization,
        actor: viewer.email,
        action: 'account-changed',
        detail: `${account.name}: ${changes.join('; ')}`,
      });
    }
    if (changed.alertsQueued > 0) deps.nudges.kick();
    const notice =
      changes.length === 0
        ? `Nothing changed for ${account.name}.`
        : `Changed ${account.name}: ${changes.join('; ')}.${matchedNote(changed)}`;
    return c.html(await listPage(c, { notice }));
  });

  async function findAccount(id: string, organization: string) {
    const parsed = accountId.safeParse(id);
    if (!parsed.success) return null;
    return deps.db.prisma.account.findFirst({ where: { id: parsed.data, workspaceId: organization } });
  }
}

function notFound(c: Context<ConsoleEnv>) {
  return c.html(messagePage('No such account', 'This organization has no such account.'), 404);
}

function addedNotice(added: {
  account: { name: string; ownerEmail: string };
  triggersMatched: number;
  alertsQueued: number;
}) {
  return `Added ${added.account.name}, owned by ${added.account.ownerEmail}.${matchedNote(added)}`;
}

function matchedNote(result: { triggersMatched: number; alertsQueued: number }): string {
  if (result.triggersMatched === 0) return '';
  return ` ${result.triggersMatched} waiting trigger ${result.triggersMatched === 1 ? 'event now matches' : 'events now match'}; ${result.alertsQueued} ${result.alertsQueued === 1 ? 'alert' : 'alerts'} queued.`;
}
