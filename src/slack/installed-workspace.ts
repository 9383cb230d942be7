import type { WebClient } from '@slack/web-api';

/** Who SLACK_BOT_TOKEN is, from `auth.test`. */
export interface BotIdentity {
  teamId: string;
  botUserId: string | undefined;
  botId: string | undefined;
}

/** The Slack workspace this bot token is installed in, from `auth.test`: asked once, again after a failure. */
export class InstalledWorkspace {
  private identity: Promise<BotIdentity> | undefined;

  constructor(private readonly client: WebClient) {}

  async teamId(): Promise<string> {
    return (await this.whoAmI()).teamId;
  }

  whoAmI(): Promise<BotIdentity> {
    this.identity ??= this.client.auth.test().then(
      (identity) => {
        if (!identity.team_id) throw new Error('auth.test returned no team_id');
        return { teamId: identity.team_id, botUserId: identity.user_id, botId: identity.bot_id };
      },
      (error: unknown) => {
        this.identity = undefined;
        throw error;
      },
    );
    return this.identity;
  }
}
