import { type CallbackOptions, defaultCallbackFailure, InstallProvider } from '@slack/oauth';
import type { SlackConfig, SlackOAuthConfig } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Route } from '../../server/http-server.ts';
import { currentRequest } from '../../server/request-context.ts';
import { boltLogger } from '../bolt-logger.ts';
import { SLACK_BOT_SCOPES } from './bot-scopes.ts';
import type { SlackInstallationStore } from './slack-installation-store.ts';

export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * `GET /slack/install` sends the browser to Slack's consent page with a signed, expiring state (also
 * set as a cookie, so the redirect must come back to the same browser); `GET /slack/oauth_redirect`
 * checks that state, trades the code for a bot token (`oauth.v2.access`) and stores the installation.
 */
export function slackOAuthRoutes(options: {
  slack: SlackConfig & { oauth: SlackOAuthConfig };
  store: SlackInstallationStore;
  logger: Logger;
}): Record<string, Route> {
  const { slack, store, logger } = options;
  const installer = new InstallProvider({
    clientId: slack.oauth.clientId,
    clientSecret: slack.oauth.clientSecret,
    stateSecret: slack.oauth.stateSecret,
    installationStore: store,
    installUrlOptions: { scopes: [...SLACK_BOT_SCOPES] },
    directInstall: true,
    authorizationUrl: authorizationUrl(slack.apiUrl),
    logger: boltLogger(logger),
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
  const callbacks: CallbackOptions = {
    failureAsync: async (error, installOptions, req, res) => {
      logger.warn(
        { platform: 'slack', requestId: currentRequest()?.requestId, reason: error.code },
        'refused a Slack OAuth redirect',
      );
      defaultCallbackFailure(error, installOptions, req, res);
    },
  };
  return {
    [SLACK_INSTALL_PATH]: {
      methods: ['GET'],
      maxBodyBytes: 0,
      handle: (req, res) => installer.handleInstallPath(req, res),
    },
    [SLACK_OAUTH_REDIRECT_PATH]: {
      methods: ['GET'],
      maxBodyBytes: 0,
      handle: (req, res) => installer.handleCallback(req, res, callbacks),
    },
  };
}

/** Slack's consent page on the host of the Web API (slack.com, or GovSlack's). */
function authorizationUrl(apiUrl: string | undefined): string {
  return new URL('/oauth/v2/authorize', apiUrl ?? 'https://slack.com/api/').toString();
}
