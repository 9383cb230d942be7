import type { Database, SqlSession } from '../../db/database.ts';
import { EarshotError } from '../../errors.ts';
import { RefreshingCache } from '../../refreshing-cache.ts';
import { ensureWorkspace } from '../workspaces/ensure-workspace.ts';
import { type ChatPlatform, platformOfKey } from '../workspaces/platform-ids.ts';
import { type MergeReport, mergeOrganizations } from './merge-organizations.ts';

export interface InstallationDetails {
  name?: string | null;
  enterpriseId?: string | null;
}

export interface Installation {
  id: string;
  platform: ChatPlatform;
  name: string | null;
  enterpriseId: string | null;
}

export interface OrganizationSummary {
  id: string;
  name: string | null;
  installations: Installation[];
}

export interface OrganizationDetails extends OrganizationSummary {
  entries: number;
  questions: number;
  accounts: number;
  references: number;
}

export interface LinkResult {
  organization: string;
  installation: string;
  /** Set when the installation belonged to another organization, which was merged in. */
  merged: (MergeReport & { from: string }) | null;
}

/** How long a process goes on using an installation's organization after another process relinked it. */
const RESOLVED_TTL_MS = 5_000;

/**
 * Organizations and the chat installations linked to them. Requests arrive from an installation (a
 * Slack workspace, a Teams tenant); `ofInstallation` says whose knowledge they use. An installation seen
 * for the first time gets an organization of its own, with the installation's id, as before
 * organizations existed.
 */
export class Organizations {
  private readonly resolved = new RefreshingCache<string>(RESOLVED_TTL_MS);

  constructor(private readonly db: Database) {}

  /**
   * Once known, an installation's organization is answered from memory (and looked up again in the
   * background when older than a few seconds): requests are acknowledged without waiting for the
   * database, and keep being routed while it is down.
   */
  async ofInstallation(installationId: string, details: InstallationDetails = {}): Promise<string> {
    const lookUp = () => this.lookUp(installationId, details);
    return this.resolved.get(installationId, lookUp) ?? lookUp();
  }

  /**
   * `ofInstallation` for a request that must be acknowledged now: when the database cannot say, an
   * installation this process has never seen is taken to be what a new one is, its own organization
   * (the one `ofInstallation` gives it once the database is back). Installations linked before the
   * server started are known from `warm`.
   */
  async forRequest(installationId: string, details: InstallationDetails = {}): Promise<string> {
    try {
      return await this.ofInstallation(installationId, details);
    } catch (error) {
      if (this.resolved.has(installationId) || !platformOfKey(installationId)) throw error;
      return installationId;
    }
  }

  /** Loads every installation's organization, so a server routes requests without the database from the start. */
  async warm(): Promise<void> {
    const rows = await this.db.query<{ id: string; workspace_id: string }>(
      'SELECT id, workspace_id FROM installations',
    );
    for (const row of rows) this.remember(row.id, row.workspace_id);
  }

  private async lookUp(installationId: string, details: InstallationDetails): Promise<string> {
    const platform = platformOfKey(installationId);
    if (!platform) throw new Error(`not an installation id: ${installationId}`);
    let [row] = await this.db.query<{ workspace_id: string }>(
      'SELECT workspace_id FROM installations WHERE id = $1',
      [installationId],
    );
    if (!row) {
      row = await this.db.transaction(async (session) => {
        await ensureWorkspace(session, installationId);
        await session.query(
          `INSERT INTO installations (id, platform, workspace_id, name, enterprise_id) VALUES ($1, $2, $1, $3, $4)
           ON CONFLICT (id) DO NOTHING`,
          [installationId, platform, details.name ?? null, details.enterpriseId ?? null],
        );
        const [created] = await session.query<{ workspace_id: string }>(
          'SELECT workspace_id FROM installations WHERE id = $1',
          [installationId],
        );
        return created;
      });
    }
    const organization = row?.workspace_id ?? installationId;
    this.remember(installationId, organization);
    return organization;
  }

  private remember(installationId: string, organization: string): void {
    this.resolved.set(installationId, organization);
  }

  /**
   * The organization a person named: its id, its name, or the id of an installation linked to it
   * (`slack:T0123`, as `workspaceFromInput` qualifies what was typed). Null when nothing matches.
   */
  async find(input: string): Promise<string | null> {
    const [linked] = await this.db.query<{ workspace_id: string }>(
      'SELECT workspace_id FROM installations WHERE id = $1',
      [input],
    );
    if (linked) return linked.workspace_id;
    const [byId] = await this.db.query<{ id: string }>('SELECT id FROM workspaces WHERE id = $1', [input]);
    if (byId) return byId.id;
    const byName = await this.db.query<{ id: string }>(
      'SELECT id FROM workspaces WHERE lower(name) = lower($1) ORDER BY id',
      [input],
    );
    if (byName.length > 1) {
      throw new EarshotError({
        code: 'invalid_input',
        message: `Several organizations are named "${input}" (${byName.map((row) => row.id).join(', ')}): name one by its id.`,
      });
    }
    return byName[0]?.id ?? null;
  }

  /**
   * What a command's `--workspace` means: the organization it names (by id, name or linked
   * installation), else a knowledge base of that id, made on first use as before organizations.
   */
  async forCommand(input: string): Promise<string> {
    return (await this.find(input)) ?? input;
  }

  /** The organization named, or a clear error naming `earshot org list`. */
  async require(input: string): Promise<string> {
    const found = await this.find(input);
    if (found) return found;
    throw new EarshotError({
      code: 'not_found',
      message: `No organization or installation "${input}". See \`earshot org list\`, or create one with \`earshot org create NAME\`.`,
    });
  }

  async create(name: string): Promise<OrganizationSummary> {
    const trimmed = name.trim();
    const id = slugOf(trimmed);
    if (!id) {
      throw new EarshotError({
        code: 'invalid_input',
        message:
          'NAME: give the organization a name with at least one letter or digit, e.g. `earshot org create "Acme Corp"`.',
      });
    }
    if (await this.find(trimmed)) {
      throw new EarshotError({
        code: 'invalid_input',
        message: `NAME: an organization "${trimmed}" already exists (see \`earshot org list\`); choose another name.`,
      });
    }
    const [created] = await this.db.query<{ id: string }>(
      'INSERT INTO workspaces (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id',
      [id, trimmed],
    );
    if (!created) {
      throw new EarshotError({
        code: 'invalid_input',
        message: `NAME: the id "${id}" is taken by another organization; choose another name.`,
      });
    }
    return { id, name: trimmed, installations: [] };
  }

  /**
   * Links an installation to an organization. When the installation belonged to another organization,
   * that organization (its knowledge, people and other installations) is merged in, in one transaction.
   */
  async link(
    organizationInput: string,
    installationId: string,
    details: InstallationDetails = {},
  ): Promise<LinkResult> {
    const organization = await this.require(organizationInput);
    const platform = platformOfKey(installationId);
    if (!platform) {
      throw new EarshotError({
        code: 'invalid_input',
        message: `"${installationId}" is not a Slack team id (T…, or E… for Enterprise Grid) or a Teams tenant id (a GUID).`,
      });
    }
    const result = await this.db.transaction(async (session) => {
      const [current] = await session.query<{ workspace_id: string }>(
        'SELECT workspace_id FROM installations WHERE id = $1 FOR UPDATE',
        [installationId],
      );
      if (current?.workspace_id === organization)
        return { organization, installation: installationId, merged: null };
      if (current) {
        const report = await mergeOrganizations(session, current.workspace_id, organization);
        return {
          organization,
          installation: installationId,
          merged: { ...report, from: current.workspace_id },
        };
      }
      // A workspace of that id may hold knowledge from before it was ever seen as an installation.
      const [orphan] = await session.query<{ id: string }>('SELECT id FROM workspaces WHERE id = $1', [
        installationId,
      ]);
      await session.query(
        'INSERT INTO installations (id, platform, workspace_id, name, enterprise_id) VALUES ($1, $2, $3, $4, $5)',
        [installationId, platform, organization, details.name ?? null, details.enterpriseId ?? null],
      );
      const merged =
        orphan && orphan.id !== organization
          ? await mergeOrganizations(session, orphan.id, organization)
          : null;
      return {
        organization,
        installation: installationId,
        merged: merged && { ...merged, from: installationId },
      };
    });
    this.resolved.clear();
    return result;
  }

  /**
   * Detaches an installation: it gets a new, empty organization of its own. The knowledge stays with
   * the organization it was added to.
   */
  async unlink(installationId: string): Promise<{ from: string; organization: string }> {
    const result = await this.db.transaction(async (session) => {
      const [current] = await session.query<{ workspace_id: string }>(
        'SELECT workspace_id FROM installations WHERE id = $1 FOR UPDATE',
        [installationId],
      );
      if (!current) {
        throw new EarshotError({
          code: 'not_found',
          message: `No installation "${installationId}" is linked to any organization (see \`earshot org list\`).`,
        });
      }
      const organization = await freeId(session, installationId);
      await session.query('INSERT INTO workspaces (id) VALUES ($1)', [organization]);
      await session.query('UPDATE installations SET workspace_id = $1 WHERE id = $2', [
        organization,
        installationId,
      ]);
      return { from: current.workspace_id, organization };
    });
    this.resolved.clear();
    return result;
  }

  async list(): Promise<OrganizationSummary[]> {
    const organizations = await this.db.query<{ id: string; name: string | null }>(
      'SELECT id, name FROM workspaces ORDER BY created_at, id',
    );
    const installations = await this.installationsOf(null);
    return organizations.map((organization) => ({
      ...organization,
      installations: installations.get(organization.id) ?? [],
    }));
  }

  async show(organizationInput: string): Promise<OrganizationDetails> {
    const id = await this.require(organizationInput);
    const [row] = await this.db.query<{
      name: string | null;
      entries: number;
      questions: number;
      accounts: number;
      references: number;
    }>(
      `SELECT w.name,
         (SELECT count(*)::int FROM entries WHERE workspace_id = w.id) AS entries,
         (SELECT count(*)::int FROM questions WHERE workspace_id = w.id) AS questions,
         (SELECT count(*)::int FROM accounts WHERE workspace_id = w.id) AS accounts,
         (SELECT count(*)::int FROM "references" WHERE workspace_id = w.id) AS "references"
       FROM workspaces w WHERE w.id = $1`,
      [id],
    );
    return {
      id,
      name: row?.name ?? null,
      installations: (await this.installationsOf(id)).get(id) ?? [],
      entries: row?.entries ?? 0,
      questions: row?.questions ?? 0,
      accounts: row?.accounts ?? 0,
      references: row?.references ?? 0,
    };
  }

  /** The installations linked to one organization, or to every one (null). */
  async installationsOf(organization: string | null): Promise<Map<string, Installation[]>> {
    const rows = await this.db.query<{
      id: string;
      platform: ChatPlatform;
      workspace_id: string;
      name: string | null;
      enterprise_id: string | null;
    }>(
      `SELECT id, platform, workspace_id, name, enterprise_id FROM installations
       WHERE $1::text IS NULL OR workspace_id = $1 ORDER BY created_at, id`,
      [organization],
    );
    const byOrganization = new Map<string, Installation[]>();
    for (const row of rows) {
      const list = byOrganization.get(row.workspace_id) ?? [];
      list.push({ id: row.id, platform: row.platform, name: row.name, enterpriseId: row.enterprise_id });
      byOrganization.set(row.workspace_id, list);
    }
    return byOrganization;
  }
}

/** "Acme Corp (EMEA)" → "acme-corp-emea": an id that reads like the name and never looks like a platform's. */
function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

async function freeId(session: SqlSession, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? wanted : `${wanted}~${n}`;
    const [taken] = await session.query<{ id: string }>('SELECT id FROM workspaces WHERE id = $1', [id]);
    if (!taken) return id;
  }
}
