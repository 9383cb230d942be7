import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Organizations } from '../knowledge/organizations/organizations.ts';
import { workspaceKey } from '../knowledge/workspaces/platform-ids.ts';
import { RefreshingCache } from '../refreshing-cache.ts';
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

/** How long a process goes on using an installation's token before reading it again (an uninstall elsewhere). */
const KNOWN_TTL_MS = 5_000;

/**
 * Which token reaches which Slack workspace: those installed by OAuth (the store), and the one of
 * SLACK_BOT_TOKEN. Either may be absent; with both, each workspace is served with its own token.
 * Installed bots are answered from memory (read again in the background when older than a few
 * seconds), as organizations are: requests are authorized without waiting for the database, and
 * while it is down.
 */
export class SlackTokens {
  private readonly clients = new Map<string, WebClient>();
  private readonly known = new RefreshingCache<InstalledBot>(KNOWN_TTL_MS);

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
    const stored = await this.stored(installationKeyOf(source));
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
    return this.stored(installationId);
  }

  /** Loads every installed bot, so requests are authorized without the database from the start. */
  async warm(): Promise<void> {
    for (const bot of (await this.deps.store?.allBots()) ?? []) this.remember(bot);
  }

  /** An installation's token was deleted (uninstalled, revoked): it is not used again. */
  forget(installationId: string): void {
    this.known.delete(installationId);
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

  private async stored(installationId: string | null): Promise<InstalledBot | null> {
    const store = this.deps.store;
    if (!store || !installationId) return null;
    const cached = this.known.get(installationId, () => this.lookUp(store, installationId));
    if (cached) return cached;
    // Not installed is never remembered: a workspace that installs a moment later is served at once.
    return this.lookUp(store, installationId);
  }

  private async lookUp(store: SlackInstallationStore, installationId: string): Promise<InstalledBot | null> {
    const bot = await store.bot(installationId);
    if (bot) this.remember(bot);
    else this.forget(installationId);
    return bot;
  }

  private remember(bot: InstalledBot): void {
    this.known.set(bot.installationId, bot);
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
