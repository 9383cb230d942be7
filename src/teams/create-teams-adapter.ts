import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { TeamsConfig } from '../config.ts';
import type { PeopleDirectory } from '../delivery/people-directory.ts';
import type { ProactiveSender } from '../delivery/proactive-sender.ts';
import { watchAbandonedClaims } from '../events/abandoned-claims.ts';
import { EarshotCloudAdapter } from './earshot-cloud-adapter.ts';
import { TeamsBot, type TeamsDeps } from './teams-bot.ts';
import { resumeTeamsJob, type SendToConversation, TEAMS_APOLOGY } from './teams-event-jobs.ts';
import { pinTeamsOrganization } from './teams-identity.ts';
import { TeamsPeopleDirectory } from './teams-people.ts';
import { TeamsProactiveSender } from './teams-proactive.ts';
import { teamsRequestListener } from './teams-request-listener.ts';

export const TEAMS_MESSAGES_PATH = '/api/messages';
export { MAX_ACTIVITY_BYTES } from './teams-request-listener.ts';

export interface TeamsAdapter {
  /** `authenticated` with an app id; `dev-no-auth` only by EARSHOT_TEAMS_DEV_NO_AUTH=true. */
  mode: 'authenticated' | 'dev-no-auth';
  proactive: ProactiveSender;
  /** People who have talked to the bot, and the 1:1 chats where DMs to them go. */
  people: PeopleDirectory;
  requestListener(req: IncomingMessage, res: ServerResponse): void;
  /** Takes over questions left unanswered by a process that stopped mid-answer (the server only). */
  start(): void;
  stop(): void;
}

/** The Teams bot behind POST /api/messages: every inbound token is validated before any work. */
export function createTeamsAdapter(teams: TeamsConfig, deps: TeamsDeps): TeamsAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(authOptions(teams));
  const adapter = new EarshotCloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    deps.logger.error(
      { err: error, platform: 'teams', eventId: context.activity.id },
      'unhandled Teams turn error',
    );
    await context.sendActivity(TEAMS_APOLOGY).catch(() => {});
  };
  const { earshot } = deps;
  const proactive = new TeamsProactiveSender(adapter, teams.appId, earshot.people);
  const send: SendToConversation = (reference, activity) =>
    adapter.continueConversationAsync(teams.appId ?? '', reference, async (later) => {
      await later.sendActivity(activity);
    });
  const bot = new TeamsBot(deps, send, proactive);
  let recovery: { stop(): void } | undefined;
  const devNoAuth = !teams.appId;
  if (devNoAuth) {
    deps.logger.warn(
      'TEAMS RUNS WITHOUT AUTHENTICATION (EARSHOT_TEAMS_DEV_NO_AUTH=true): anyone who reaches /api/messages can ' +
        'read and change Teams knowledge. For local testing only; set MICROSOFT_APP_ID instead for any real use.',
    );
  }
  return {
    mode: devNoAuth ? 'dev-no-auth' : 'authenticated',
    proactive,
    people: new TeamsPeopleDirectory(earshot),
    requestListener: teamsRequestListener({
      adapter,
      auth,
      admission: {
        channels: devNoAuth ? ['msteams', 'emulator'] : ['msteams'],
        tenantId: teams.appType === 'SingleTenant' ? teams.appTenantId : undefined,
      },
      logger: deps.logger,
      logic: async (context) => {
        await pinTeamsOrganization(context, earshot.organizations);
        await bot.run(context);
      },
    }),
    start: () => {
      recovery = watchAbandonedClaims({
        ...earshot.events,
        platform: 'teams',
        logger: deps.logger,
        jobOf: (claim) => resumeTeamsJob(deps, send, claim),
      });
    },
    stop: () => recovery?.stop(),
  };
}

const BOT_FRAMEWORK = 'https://api.botframework.com';

/**
 * botbuilder takes all of its channel settings from config as soon as one is given (and then ignores
 * its public-cloud defaults), so a custom metadata URL comes with the whole set.
 */
function authOptions(teams: TeamsConfig): ConfigurationBotFrameworkAuthenticationOptions {
  const identity = {
    MicrosoftAppId: teams.appId,
    MicrosoftAppPassword: teams.appPassword,
    MicrosoftAppTenantId: teams.appTenantId,
    MicrosoftAppType: teams.appType,
  };
  if (!teams.openIdMetadataUrl && !teams.loginUrl) return identity;
  return {
    ...identity,
    ToBotFromChannelOpenIdMetadataUrl:
      teams.openIdMetadataUrl ?? `https://login.botframework.com/v1/.well-known/openidconfiguration`,
    ToBotFromEmulatorOpenIdMetadataUrl:
      teams.openIdMetadataUrl ??
      'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
    ToBotFromChannelTokenIssuer: BOT_FRAMEWORK,
    ToChannelFromBotLoginUrl: teams.loginUrl ?? 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: BOT_FRAMEWORK,
    OAuthUrl: BOT_FRAMEWORK,
    CallerId: 'urn:botframework:azure',
  };
}
