import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from 'botbuilder';
import type { TeamsConfig } from '../config.ts';
import type { PeopleDirectory } from '../delivery/people-directory.ts';
import type { ProactiveSender } from '../delivery/proactive-sender.ts';
import { EarshotError } from '../errors.ts';
import { readJsonBody } from '../server/read-json-body.ts';
import { activityBodySchema } from './activity-body.ts';
import { botRequest, botResponse } from './node-bot-http.ts';
import { TeamsBot, type TeamsDeps } from './teams-bot.ts';
import { TeamsPeopleDirectory } from './teams-people.ts';
import { TeamsProactiveSender } from './teams-proactive.ts';

export const TEAMS_MESSAGES_PATH = '/api/messages';
export const MAX_ACTIVITY_BYTES = 1_000_000;

export interface TeamsAdapter {
  authenticated: boolean;
  proactive: ProactiveSender;
  /** People who have talked to the bot, and the 1:1 chats where DMs to them go. */
  people: PeopleDirectory;
  requestListener(req: IncomingMessage, res: ServerResponse): void;
}

/** The Teams bot behind POST /api/messages: botbuilder's CloudAdapter validates every inbound token. */
export function createTeamsAdapter(teams: TeamsConfig, deps: TeamsDeps): TeamsAdapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(teams)));
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
      adapter.continueConversationAsync(teams.appId ?? '', reference, work).catch((error: unknown) => {
        deps.logger.error(
          { err: error, platform: 'teams', eventId: context.activity.id },
          'failed to send a Teams answer',
        );
      });
    },
    proactive,
  );
  if (!teams.appId) {
    deps.logger.warn('Teams runs WITHOUT authentication (no MICROSOFT_APP_ID): for local testing only');
  }
  return {
    authenticated: Boolean(teams.appId),
    proactive,
    people: new TeamsPeopleDirectory(earshot),
    requestListener: (req, res) => {
      void (async () => {
        try {
          if (req.method !== 'POST') {
            res.writeHead(405).end();
            return;
          }
          const body = await readJsonBody(req, MAX_ACTIVITY_BYTES);
          if (!activityBodySchema.safeParse(body).success) {
            throw new EarshotError({ code: 'invalid_input', message: 'request body is not an activity' });
          }
          const response = botResponse(res);
          await adapter.process(botRequest(req, body), response, (context) => bot.run(context));
          if (!res.writableEnded) res.end();
        } catch (error) {
          const status = error instanceof EarshotError ? 400 : 500;
          deps.logger.warn({ err: error, platform: 'teams' }, 'Teams request failed');
          if (!res.headersSent) res.writeHead(status);
          if (!res.writableEnded) res.end();
        }
      })();
    },
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
