import { App, type AuthorizeResult, HTTPModuleFunctions, HTTPReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { SlackConfig } from '../config.ts';
import type { PeopleDirectory } from '../delivery/people-directory.ts';
import type { ProactiveSender } from '../delivery/proactive-sender.ts';
import { watchAbandonedClaims } from '../events/abandoned-claims.ts';
import { workspaceKey } from '../knowledge/workspaces/platform-ids.ts';
import type { Earshot } from '../main.ts';
import type { Route } from '../server/http-server.ts';
import { currentRequest } from '../server/request-context.ts';
import { boltLogger } from './bolt-logger.ts';
import { SlackCurators } from './curators.ts';
import { forgetUninstalled } from './forget-uninstalled.ts';
import { InstalledWorkspace } from './installed-workspace.ts';
import { registerAnswerActions } from './listeners/register-answer-actions.ts';
import { registerAsk } from './listeners/register-ask.ts';
import { registerCapture } from './listeners/register-capture.ts';
import { registerCommand } from './listeners/register-command.ts';
import { registerCuration } from './listeners/register-curation.ts';
import { registerNudgeActions } from './listeners/register-nudge-actions.ts';
import { registerReferenceDecisions } from './listeners/register-reference-decisions.ts';
import { registerReferenceRequests } from './listeners/register-reference-requests.ts';
import { registerSaveShortcut } from './listeners/register-save-shortcut.ts';
import { slackOAuthRoutes } from './oauth/oauth-routes.ts';
import { SlackInstallationStore } from './oauth/slack-installation-store.ts';
import { TokenCipher } from './oauth/token-cipher.ts';
import { AUTHORIZED_INSTALLATION, pinToInstalledWorkspace, requestSource } from './pin-workspace.ts';
import type { SlackDeps } from './slack-context.ts';
import { SlackDirectory } from './slack-directory.ts';
import {
  handleEventsOnce,
  rerunProperties,
  type SlackEventPayload,
  slackEventJob,
} from './slack-event-job.ts';
import { SlackPeopleDirectory } from './slack-people.ts';
import { SlackProactiveSender } from './slack-proactive.ts';
import { slackEventsRoute } from './slack-request-guard.ts';
import { SlackStartError } from './slack-start-failure.ts';
import { type RequestSource, SlackTokens } from './slack-tokens.ts';

export { compileSlackPayloadChecks } from './slack-payload.ts';
export { MAX_SLACK_BODY_BYTES } from './slack-request-guard.ts';
export { explainSlackStartFailure } from './slack-start-failure.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAdapter {
  mode: 'http' | 'socket';
  /** The one way out for alerts and digests in Slack. */
  proactive: ProactiveSender;
  /** Finds people in the workspace (by email or id) and where a DM to them goes. */
  people: PeopleDirectory;
  /** `POST /slack/events` in HTTP mode (checked, then Bolt's listener); undefined in Socket Mode. */
  route: Route | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Slack app: Bolt over HTTP (signed requests) or Socket Mode, with Earshot's listeners. It serves
 * the workspace of SLACK_BOT_TOKEN, every workspace installed by OAuth, or both, each with its own token.
 */
export async function createSlackAdapter(
  slack: SlackConfig,
  core: Omit<SlackDeps, 'curators' | 'directory'>,
): Promise<SlackAdapter> {
  const deps: SlackDeps = {
    ...core,
    curators: new SlackCurators(core.earshot.curators),
    directory: new SlackDirectory(),
  };
  const logger = boltLogger(deps.logger);
  // Bolt's default retries go on for half an hour; a chat answer that late is useless.
  const clientOptions = {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 4, factor: 2, minTimeout: 500 },
  };
  const socket = slack.appToken !== undefined;
  const receiver =
    socket || !slack.signingSecret
      ? undefined
      : new HTTPReceiver({
          signingSecret: slack.signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          logger,
          // Bolt logs only a generic line; ours names the request and the error.
          processEventErrorHandler: async (args) => {
            deps.logger.error(
              { err: args.error, platform: 'slack', requestId: currentRequest()?.requestId },
              'Bolt failed to process a Slack request',
            );
            return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
          },
        });
  const { organizations } = deps.earshot;
  const store = installationStoreOf(slack, deps.earshot);
  // Bolt takes either one token or an authorize function; with OAuth installs, authorize picks the token.
  const app: App = new App({
    ...(store
      ? { authorize: (source: RequestSource) => authorizeInstalled(tokens, source) }
      : { token: slack.botToken }),
    logger,
    clientOptions,
    deferInitialization: true,
    ...(socket
      ? {
          socketMode: true,
          appToken: slack.appToken,
          installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } },
        }
      : { receiver }),
  });

  // In single-token mode Bolt's own client carries the token; next to OAuth installs it has none.
  const fixed = slack.botToken
    ? {
        token: slack.botToken,
        client: store ? new WebClient(slack.botToken, { ...clientOptions, logger }) : app.client,
      }
    : null;
  const installed = fixed ? new InstalledWorkspace(fixed.client) : null;
  const tokens: SlackTokens = new SlackTokens({
    store,
    fixed: fixed && installed ? { ...fixed, installed } : null,
    organizations,
    clientOptions: { ...clientOptions, logger },
  });
  app.use(forgetUninstalled(store, tokens, deps.logger));
  app.use(pinToInstalledWorkspace(tokens, organizations, deps.logger));
  const { runner, claims } = deps.earshot.events;
  const clientFor = async (body: unknown) => {
    const bot = await tokens.forRequest(requestSource(body));
    return bot ? tokens.clientOf(bot) : null;
  };
  const rerun = { clientFor, rerun: rerunEvent, logger: deps.logger };
  app.use(handleEventsOnce({ runner, ...rerun }));
  async function rerunEvent(body: unknown, context: Parameters<typeof rerunProperties>[0]) {
    await app.processEvent({
      body: body as Record<string, unknown>,
      ack: async () => {},
      customProperties: rerunProperties(context),
    });
  }
  registerAsk(app, deps);
  registerCommand(app, deps);
  registerAnswerActions(app, deps);
  registerCapture(app, deps);
  registerSaveShortcut(app, deps);
  registerCuration(app, deps);
  registerNudgeActions(app, deps);
  registerReferenceRequests(app, deps);
  registerReferenceDecisions(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error, platform: 'slack' }, 'unhandled Slack listener error');
  });

  // With SLACK_BOT_TOKEN both check it with auth.test: Bolt for its own identity, Earshot for its workspace.
  await app.init();
  // Known before the first request, so requests are routed without the database (pin-workspace.ts).
  const fixedTeam = await installed?.teamId();
  if (fixedTeam) await organizations.ofInstallation(workspaceKey('slack', fixedTeam));
  await tokens.warm();
  let recovery: { stop(): void } | undefined;
  return {
    mode: socket ? 'socket' : 'http',
    proactive: new SlackProactiveSender(tokens),
    people: new SlackPeopleDirectory(tokens),
    route:
      receiver && slack.signingSecret
        ? slackEventsRoute({
            requestListener: receiver.requestListener,
            signingSecret: slack.signingSecret,
            logger: deps.logger,
            authorizable: store ? (body) => canTellIfInstalled(tokens, body) : undefined,
          })
        : undefined,
    start: async () => {
      if (socket) await app.start();
      recovery = watchAbandonedClaims({
        claims,
        runner,
        platform: 'slack',
        logger: deps.logger,
        jobOf: (claim) =>
          slackEventJob(rerun, claim.key, (claim.payload ?? { body: null }) as SlackEventPayload),
      });
    },
    stop: async () => {
      recovery?.stop();
      if (socket) await app.stop();
    },
  };
}

/** Where OAuth installations and their encrypted tokens are kept; null in single-token mode. */
function installationStoreOf(slack: SlackConfig, earshot: Earshot): SlackInstallationStore | null {
  if (!slack.oauth) return null;
  return new SlackInstallationStore({
    db: earshot.db,
    cipher: new TokenCipher(slack.oauth.encryptionKey),
    organizations: earshot.organizations,
    logger: earshot.logger,
  });
}

/**
 * `GET /slack/install` and `/slack/oauth_redirect` when OAuth installs are on. They need only the
 * database, so they serve even while the Slack adapter is still connecting.
 */
export function slackInstallRoutes(slack: SlackConfig, earshot: Earshot): Record<string, Route> {
  const store = installationStoreOf(slack, earshot);
  if (!store || !slack.oauth) return {};
  return slackOAuthRoutes({ slack: { ...slack, oauth: slack.oauth }, store, logger: earshot.logger });
}

/** False only when the installation lookup fails (the database is down and the workspace was never seen). */
async function canTellIfInstalled(tokens: SlackTokens, body: unknown): Promise<boolean> {
  try {
    await tokens.forRequest(requestSource(body));
    return true;
  } catch {
    return false;
  }
}

/** Bolt's authorize with OAuth installs: the token of the installation the request comes from. */
async function authorizeInstalled(tokens: SlackTokens, source: RequestSource): Promise<AuthorizeResult> {
  const bot = await tokens.forRequest(source);
  // Not installed there: no token, and pinToInstalledWorkspace acknowledges and ignores the request.
  if (!bot) return {};
  return {
    botToken: bot.token,
    botId: bot.botId,
    botUserId: bot.botUserId,
    [AUTHORIZED_INSTALLATION]: bot.installationId,
  };
}

/** Builds the Slack adapter, checks its tokens and starts it; errors say which token or link failed. */
export async function connectSlackAdapter(slack: SlackConfig, earshot: Earshot): Promise<SlackAdapter> {
  const { config, logger } = earshot;
  const adapter = await createSlackAdapter(slack, { earshot, config, logger }).catch((error: unknown) => {
    throw new SlackStartError('bot_token', error);
  });
  try {
    await adapter.start();
  } catch (error) {
    await adapter.stop().catch(() => {});
    throw new SlackStartError('socket_mode', error);
  }
  return adapter;
}
