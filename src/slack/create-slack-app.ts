import { App, HTTPModuleFunctions, HTTPReceiver } from '@slack/bolt';
import type { SlackConfig } from '../config.ts';
import type { PeopleDirectory } from '../delivery/people-directory.ts';
import type { ProactiveSender } from '../delivery/proactive-sender.ts';
import { claimEvent } from '../events/claim-event.ts';
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
import { pinToInstalledWorkspace, slackWorkspaceOf } from './pin-workspace.ts';
import type { SlackDeps } from './slack-context.ts';
import { SlackDirectory } from './slack-directory.ts';
import { SlackPeopleDirectory } from './slack-people.ts';
import { SlackProactiveSender } from './slack-proactive.ts';
import { slackEventsRoute } from './slack-request-guard.ts';

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
    curators: new SlackCurators(core.config),
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
  app.use(pinToInstalledWorkspace(installed, deps.logger));
  app.use(async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    const workspaceId = slackWorkspaceOf(context);
    if (eventId && !(await claimEvent(deps.earshot.db, { platform: 'slack', workspaceId, eventId }))) {
      deps.logger.info(
        { platform: 'slack', workspace: workspaceId, eventId },
        'skipping an event already handled',
      );
      return;
    }
    await next();
  });
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

  await app.init();
  return {
    mode: socket ? 'socket' : 'http',
    proactive: new SlackProactiveSender(app.client),
    people: new SlackPeopleDirectory(app.client, installed),
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
    },
    stop: async () => {
      if (socket) await app.stop();
    },
  };
}
