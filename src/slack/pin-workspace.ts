import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { Organizations } from '../knowledge/organizations/organizations.ts';
import type { Logger } from '../logger.ts';
import type { SlackTokens } from './slack-tokens.ts';

/** Where `authorize` leaves the installation it found a token for, so it is not looked up twice. */
export const AUTHORIZED_INSTALLATION = 'earshotAuthorizedInstallation';
const INSTALLATION = 'earshotInstallation';

/**
 * Only requests from a workspace Earshot is installed in go on (by OAuth, or the one of
 * SLACK_BOT_TOKEN): a correctly signed event for another team is acknowledged and ignored, so it can
 * never be answered from that team's knowledge. Listeners then read the organization whose knowledge
 * the workspace uses from the context (`slackWorkspaceOf`), and the installation (`slackInstallationOf`).
 */
export function pinToInstalledWorkspace(
  tokens: SlackTokens,
  organizations: Organizations,
  logger: Logger,
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { context } = args;
    const source = requestSource(args.body, context);
    const authorized: unknown = context[AUTHORIZED_INSTALLATION];
    const installation =
      typeof authorized === 'string' ? authorized : (await tokens.forRequest(source))?.installationId;
    if (!installation) {
      logger.warn(
        { platform: 'slack', workspace: source.teamId ?? null, enterprise: source.enterpriseId ?? undefined },
        'ignored a Slack request for a workspace this installation does not serve',
      );
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    context[INSTALLATION] = installation;
    context.workspaceId = await organizations.forRequest(installation, {
      enterpriseId: source.enterpriseId ?? null,
    });
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

/** The installation (`slack:T…`, `slack:E…` org-wide) a request came through, whose token answers it. */
export function slackInstallationOf(context: Context): string {
  const installation: unknown = context[INSTALLATION];
  if (typeof installation !== 'string')
    throw new Error('Slack request reached a listener without a pinned installation');
  return installation;
}

/** Team and enterprise of a request: Bolt's reading when it made one, else the body's. */
export function requestSource(
  body: unknown,
  context?: Context,
): { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean } {
  const b = body as {
    authorizations?: Array<{
      team_id?: string | null;
      enterprise_id?: string | null;
      is_enterprise_install?: boolean;
    }>;
    view?: { app_installed_team_id?: string };
    team_id?: string;
    enterprise_id?: string;
    is_enterprise_install?: boolean;
    team?: { id?: string; enterprise_id?: string } | null;
    enterprise?: { id?: string } | null;
    user?: { team_id?: string };
  } | null;
  const teamId =
    context?.teamId ??
    b?.authorizations?.[0]?.team_id ??
    b?.view?.app_installed_team_id ??
    b?.team_id ??
    b?.team?.id ??
    b?.user?.team_id ??
    undefined;
  const enterpriseId =
    context?.enterpriseId ??
    b?.authorizations?.[0]?.enterprise_id ??
    b?.enterprise_id ??
    b?.enterprise?.id ??
    b?.team?.enterprise_id ??
    undefined;
  const isEnterpriseInstall =
    context?.isEnterpriseInstall ??
    b?.authorizations?.[0]?.is_enterprise_install ??
    b?.is_enterprise_install ??
    false;
  return { teamId, enterpriseId, isEnterpriseInstall };
}
