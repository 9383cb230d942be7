import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { Organizations } from '../knowledge/organizations/organizations.ts';
import { workspaceKey } from '../knowledge/workspaces/platform-ids.ts';
import type { Logger } from '../logger.ts';
import type { InstalledWorkspace } from './installed-workspace.ts';

/**
 * Only requests about the workspace this installation serves go on: a correctly signed event for another
 * team is acknowledged and ignored, so it can never be answered from that team's knowledge. Listeners
 * then read the organization whose knowledge the workspace uses from the context (`slackWorkspaceOf`).
 */
export function pinToInstalledWorkspace(
  installed: InstalledWorkspace,
  organizations: Organizations,
  logger: Logger,
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const team = requestTeamId(args.body);
    const ours = await installed.teamId();
    if (team !== ours) {
      logger.warn(
        { platform: 'slack', workspace: team ?? null },
        'ignored a Slack request for a workspace this installation does not serve',
      );
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    args.context.workspaceId = await organizations.forRequest(workspaceKey('slack', ours));
    await args.next();
  };
}

/** The organization whose knowledge a Slack request uses, set by `pinToInstalledWorkspace`. */
export function slackWorkspaceOf(context: Context): string {
  const workspaceId: unknown = context.workspaceId;
  if (typeof workspaceId !== 'string')
    throw new Error('Slack request reached a listener without a pinned workspace');
  return workspaceId;
}

/** The team a request is about, read the way Bolt reads it for authorization. */
function requestTeamId(body: unknown): string | undefined {
  const b = body as {
    authorizations?: Array<{ team_id?: string | null }>;
    view?: { app_installed_team_id?: string };
    team_id?: string;
    team?: { id?: string } | null;
    user?: { team_id?: string };
  };
  return (
    b.authorizations?.[0]?.team_id ??
    b.view?.app_installed_team_id ??
    b.team_id ??
    b.team?.id ??
    b.user?.team_id ??
    undefined
  );
}
