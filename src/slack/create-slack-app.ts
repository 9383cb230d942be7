import { App, HTTPModuleFunctions, HTTPReceiver } from '@slack/bolt';
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
import { pinToInstalledWorkspace } from './pin-workspace.ts';
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

/** The Slack app: Bolt over HTTP (signed requests) or Socket Mode, with Earshot's listeners. */
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
  const app = new App({
    token: slack.botToken,
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

  const installed = new InstalledWorkspace(app.client);
  app.use(pinToInstalledWorkspace(installed, deps.earshot.organizations, deps.logger));
  const { runner, claims } = deps.earshot.events;
  const rerun = { client: app.client, rerun: rerunEvent, logger: deps.logger };
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

  // Both check the bot token with auth.test: Bolt for its own identity, Earshot for the pinned workspace.
  await app.init();
  // Known before the first request, so requests are routed without the database (pin-workspace.ts).
  await deps.earshot.organizations.ofInstallation(workspaceKey('slack', await installed.teamId()));
  let recovery: { stop(): void } | undefined;
  return {
    mode: socket ? 'socket' : 'http',
    proactive: new SlackProactiveSender(app.client),
    people: new SlackPeopleDirectory(app.client, installed, deps.earshot.organizations),
    route:
      receiver && slack.signingSecret
        ? slackEventsRoute({
            requestListener: receiver.requestListener,
            signingSecret: slack.signingSecret,
            logger: deps.logger,
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
