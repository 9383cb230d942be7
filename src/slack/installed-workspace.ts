import type { WebClient } from '@slack/web-api';

/** The Slack workspace this bot token is installed in, from `auth.test`: asked once, again after a failure. */
export class InstalledWorkspace {
  private team: Promise<string> | undefined;

  constructor(private readonly client: WebClient) {}

  teamId(): Promise<string> {
    this.team ??= this.client.auth.test().then(
      (identity) => {
        if (!identity.team_id) throw new Error('auth.test returned no team_id');
        return identity.team_id;
      },
      (error: unknown) => {
        this.team = undefined;
        throw error;
      },
    );
    return this.team;
  }
}
