import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../logger.ts';
import { installationKeyOf, type SlackInstallationStore } from './oauth/slack-installation-store.ts';
import { requestSource } from './pin-workspace.ts';
import type { SlackTokens } from './slack-tokens.ts';

/**
 * `app_uninstalled` and `tokens_revoked` (Bolt passes them without authorizing: the token is already
 * dead) delete the installation's stored token. Its knowledge, its organization and the installation
 * record stay, so a reinstall finds everything where it was. Nothing else handles these events.
 */
export function forgetUninstalled(
  store: SlackInstallationStore | null,
  tokens: SlackTokens,
  logger: Logger,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const event = (body as { type?: string; event?: { type?: string; tokens?: { bot?: string[] } } }).event;
    const type = event?.type;
    if (
      (body as { type?: string }).type !== 'event_callback' ||
      (type !== 'app_uninstalled' && type !== 'tokens_revoked')
    ) {
      await next();
      return;
    }
    // A user token revoked is none of Earshot's business: it installs as a bot only.
    if (type === 'tokens_revoked' && !event?.tokens?.bot?.length) return;
    const installation = installationKeyOf(requestSource(body, context));
    if (!installation) return;
    const deleted = (await store?.deleteTokens(installation)) ?? false;
    tokens.forget(installation);
    const fixed = (await tokens.fixedInstallation().catch(() => null)) === installation;
    logger.info(
      { platform: 'slack', installation, event: type, tokenDeleted: deleted },
      type === 'app_uninstalled'
        ? 'Earshot was uninstalled from a Slack workspace: its token is deleted, its knowledge kept'
        : "a Slack workspace revoked Earshot's bot token: it is deleted, the knowledge kept",
    );
    if (fixed) {
      logger.warn(
        { platform: 'slack', installation },
        'the workspace of SLACK_BOT_TOKEN removed Earshot: remove SLACK_BOT_TOKEN, or reinstall the app and copy its new token',
      );
    }
  };
}
