import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Organizations } from '../knowledge/organizations/organizations.ts';
import { workspaceKey } from '../knowledge/workspaces/platform-ids.ts';
import type { InstalledWorkspace } from './installed-workspace.ts';
import {
  type InstalledBot,
  installationKeyOf,
  type SlackInstallationStore,
} from './oauth/slack-installation-store.ts';

export type { InstalledBot } from './oauth/slack-installation-store.ts';

/** Where a request comes from, as Bolt reads it from the body. */
export interface RequestSource {
  teamId?: string | null;
  enterpriseId?: string | null;
  isEnterpriseInstall?: boolean;
}

/**
 * Which token reaches which Slack workspace: those installed by OAuth (the store), and the one of
 * SLACK_BOT_TOKEN. Either may be absent; with both, each workspace is served with its own token.
 */
export class SlackTokens {
  private readonly clients = new Map<string, WebClient>();

  constructor(
    private readonly deps: {
      store: SlackInstallationStore | null;
      /** The workspace of SLACK_BOT_TOKEN and its client; null when every workspace installs by OAuth. */
      fixed: { installed: InstalledWorkspace; token: string; client: WebClient } | null;
      organizations: Organizations;
      clientOptions: WebClientOptions;
    },
  ) {}

  /** The bot serving a request; null when Earshot is not installed where it comes from. */
  async forRequest(source: RequestSource): Promise<InstalledBot | null> {
    const stored = await this.deps.store?.bot(installationKeyOf(source));
    if (stored) return stored;
    const fixed = await this.fixedBot();
    return fixed && source.teamId === fixed.teamId ? fixed : null;
  }

  /**
   * The bot that reaches a stored person or conversation. Rows from before OAuth installs name no
   * installation: they were seen through SLACK_BOT_TOKEN, or else the organization's first installation.
   */
  async forInstallation(
    installationId: string | null | undefined,
    organization: string,
  ): Promise<InstalledBot | null> {
    const fixed = await this.fixedBot();
    if (!installationId) return fixed ?? (await this.forOrganization(organization))[0] ?? null;
    if (fixed?.installationId === installationId) return fixed;
    return (await this.deps.store?.bot(installationId)) ?? null;
  }

  /** Every bot reaching people of the organization: its OAuth installations, and SLACK_BOT_TOKEN's if linked. */
  async forOrganization(organization: string): Promise<InstalledBot[]> {
    const bots = (await this.deps.store?.botsOf(organization)) ?? [];
    const fixed = await this.fixedBot();
    if (fixed && !bots.some((bot) => bot.installationId === fixed.installationId)) {
      if ((await this.deps.organizations.ofInstallation(fixed.installationId)) === organization)
        bots.unshift(fixed);
    }
    return bots;
  }

  /** A Web API client acting as the bot. */
  clientOf(bot: InstalledBot): WebClient {
    const fixed = this.deps.fixed;
    if (fixed && bot.token === fixed.token) return fixed.client;
    let client = this.clients.get(bot.token);
    if (!client) {
      // Org-wide tokens need the workspace named on calls that are about one.
      client = new WebClient(bot.token, {
        ...this.deps.clientOptions,
        ...(bot.teamId ? { teamId: bot.teamId } : {}),
      });
      this.clients.set(bot.token, client);
    }
    return client;
  }

  /** The installation of SLACK_BOT_TOKEN (`slack:T…`); null without one. */
  async fixedInstallation(): Promise<string | null> {
    return (await this.fixedBot())?.installationId ?? null;
  }

  private async fixedBot(): Promise<InstalledBot | null> {
    const fixed = this.deps.fixed;
    if (!fixed) return null;
    const identity = await fixed.installed.whoAmI();
    return {
      installationId: workspaceKey('slack', identity.teamId),
      token: fixed.token,
      botId: identity.botId,
      botUserId: identity.botUserId,
      teamId: identity.teamId,
      enterpriseId: undefined,
    };
  }
}
