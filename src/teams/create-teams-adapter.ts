import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from 'botbuilder';
import type { TeamsConfig } from '../config.ts';
import type { PeopleDirectory } from '../delivery/people-directory.ts';
import type { ProactiveSender } from '../delivery/proactive-sender.ts';
import { EarshotCloudAdapter } from './earshot-cloud-adapter.ts';
import { TeamsBot, type TeamsDeps } from './teams-bot.ts';
import { TeamsPeopleDirectory } from './teams-people.ts';
import { TeamsProactiveSender } from './teams-proactive.ts';
import { teamsRequestListener } from './teams-request-listener.ts';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsAdapter {
  /** `authenticated` with an app id; `dev-no-auth` only by EARSHOT_TEAMS_DEV_NO_AUTH=true. */
  mode: 'authenticated' | 'dev-no-auth';
  proactive: ProactiveSender;
  /** People who have talked to the bot, and the 1:1 chats where DMs to them go. */
  people: PeopleDirectory;
  requestListener(req: IncomingMessage, res: ServerResponse): void;
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
    await context
      .sendActivity("Sorry, I couldn't answer that just now. Please try again in a minute.")
      .catch(() => {});
  };
  const { earshot } = deps;
  const proactive = new TeamsProactiveSender(adapter, teams.appId, earshot.people);
  const bot = new TeamsBot(
    deps,
    (context, work) => {
      const reference = TurnContext.getConversationReference(context.activity);
      // In a later event-loop turn: the request that asked gets its response first, and the answer's
      // work never runs ahead of it.
      setImmediate(() => {
        adapter.continueConversationAsync(teams.appId ?? '', reference, work).catch((error: unknown) => {
          deps.logger.error(
            { err: error, platform: 'teams', eventId: context.activity.id },
            'failed to send a Teams answer',
          );
        });
      });
    },
    proactive,
  );
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
      logic: (context) => bot.run(context),
    }),
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
