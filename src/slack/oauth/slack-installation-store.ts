import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Database } from '../../db/database.ts';
import type { Organizations } from '../../knowledge/organizations/organizations.ts';
import { workspaceKey } from '../../knowledge/workspaces/platform-ids.ts';
import type { Logger } from '../../logger.ts';
import type { TokenCipher } from './token-cipher.ts';

/** A bot Earshot can act as in one installation: the token and who it is there. */
export interface InstalledBot {
  /** `slack:T…`, or `slack:E…` for an Enterprise Grid org-wide install. */
  installationId: string;
  token: string;
  botId: string | undefined;
  botUserId: string | undefined;
  teamId: string | undefined;
  enterpriseId: string | undefined;
}

/** The installation a request or an installation record belongs to: the org for org-wide installs. */
export function installationKeyOf(source: {
  teamId?: string | null;
  enterpriseId?: string | null;
  isEnterpriseInstall?: boolean;
}): string | null {
  if (source.isEnterpriseInstall && source.enterpriseId) return workspaceKey('slack', source.enterpriseId);
  return source.teamId ? workspaceKey('slack', source.teamId) : null;
}

type Row = {
  id: string;
  teamId: string | null;
  teamName: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  enterpriseUrl: string | null;
  isEnterpriseInstall: boolean;
  appId: string | null;
  botId: string | null;
  botUserId: string | null;
  botToken: string | null;
  botScopes: string;
  installerUserId: string | null;
};

/**
 * Slack OAuth installations in the database, for `@slack/oauth`'s InstallProvider and Bolt's
 * `authorize`. Bot tokens are encrypted at rest; an uninstall deletes the token and keeps the row,
 * and the installation keeps its organization, so a reinstall lands in the same knowledge base.
 */
export class SlackInstallationStore implements InstallationStore {
  constructor(
    private readonly deps: {
      db: Database;
      cipher: TokenCipher;
      organizations: Organizations;
      logger: Logger;
    },
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const id = installationKeyOf({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    if (!id || !installation.bot) {
      throw new Error('the installation has no team or bot token: Earshot installs as a bot');
    }
    // Its own organization unless already linked to one (an earlier install, or `earshot org link`).
    const organization = await this.deps.organizations.ofInstallation(id, {
      name: installation.team?.name ?? installation.enterprise?.name ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
    });
    const data = {
      teamId: installation.team?.id ?? null,
      teamName: installation.team?.name ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      enterpriseName: installation.enterprise?.name ?? null,
      enterpriseUrl: installation.enterpriseUrl ?? null,
      isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
      appId: installation.appId ?? null,
      botId: installation.bot.id,
      botUserId: installation.bot.userId,
      botToken: this.deps.cipher.encrypt(installation.bot.token, id),
      botScopes: installation.bot.scopes.join(','),
      installerUserId: installation.user.id ?? null,
      tokensDeletedAt: null,
    };
    await this.deps.db.prisma.slackInstallation.upsert({
      where: { id },
      create: { id, ...data },
      update: { ...data, installedAt: new Date() },
    });
    if (installation.bot.refreshToken) {
      this.deps.logger.warn(
        { platform: 'slack', installation: id },
        'the Slack app has token rotation on, which Earshot does not support: turn it off (OAuth & Permissions) or the token stops working within 12 hours',
      );
    }
    this.deps.logger.info(
      { platform: 'slack', installation: id, organization, installer: data.installerUserId },
      'Earshot was installed in a Slack workspace',
    );
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const row = await this.row(installationKeyOf(query));
    const token = row?.botToken ? this.deps.cipher.decrypt(row.botToken, row.id) : null;
    if (!row || !token) throw new Error(`Earshot is not installed in ${installationKeyOf(query)}`);
    return {
      team: row.teamId ? { id: row.teamId, name: row.teamName ?? undefined } : undefined,
      enterprise: row.enterpriseId
        ? { id: row.enterpriseId, name: row.enterpriseName ?? undefined }
        : undefined,
      enterpriseUrl: row.enterpriseUrl ?? undefined,
      isEnterpriseInstall: row.isEnterpriseInstall,
      appId: row.appId ?? undefined,
      tokenType: 'bot',
      authVersion: 'v2',
      user: { id: row.installerUserId ?? '', token: undefined, scopes: undefined },
      bot: {
        id: row.botId ?? '',
        userId: row.botUserId ?? '',
        token,
        scopes: row.botScopes ? row.botScopes.split(',') : [],
      },
    } as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const id = installationKeyOf(query);
    if (id) await this.deleteTokens(id);
  }

  /** The bot of an installation; null when it never installed by OAuth or was uninstalled since. */
  async bot(installationId: string | null): Promise<InstalledBot | null> {
    const row = await this.row(installationId);
    return row ? this.botOf(row) : null;
  }

  /** Every installation's bot that still has its token. */
  async allBots(): Promise<InstalledBot[]> {
    const rows = await this.deps.db.prisma.slackInstallation.findMany({ where: { botToken: { not: null } } });
    return rows.map((row) => this.botOf(row)).filter((bot): bot is InstalledBot => bot !== null);
  }

  /** The bots of every OAuth installation linked to the organization that still has its token. */
  async botsOf(organization: string): Promise<InstalledBot[]> {
    const rows = await this.deps.db.prisma.slackInstallation.findMany({
      where: { installation: { workspaceId: organization }, botToken: { not: null } },
      orderBy: { installedAt: 'asc' },
    });
    return rows.map((row) => this.botOf(row)).filter((bot): bot is InstalledBot => bot !== null);
  }

  /** Uninstalled or revoked: the token goes, the record (and the organization's knowledge) stays. Whether it had one. */
  async deleteTokens(installationId: string): Promise<boolean> {
    const { count } = await this.deps.db.prisma.slackInstallation.updateMany({
      where: { id: installationId, botToken: { not: null } },
      data: { botToken: null, tokensDeletedAt: new Date() },
    });
    return count > 0;
  }

  private async row(id: string | null): Promise<Row | null> {
    return id ? this.deps.db.prisma.slackInstallation.findUnique({ where: { id } }) : null;
  }

  private botOf(row: Row): InstalledBot | null {
    if (!row.botToken) return null;
    return {
      installationId: row.id,
      token: this.deps.cipher.decrypt(row.botToken, row.id),
      botId: row.botId ?? undefined,
      botUserId: row.botUserId ?? undefined,
      teamId: row.teamId ?? undefined,
      enterpriseId: row.enterpriseId ?? undefined,
    };
  }
}
