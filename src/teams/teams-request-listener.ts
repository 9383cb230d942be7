import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { EarshotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { readJsonBody } from '../server/read-json-body.ts';
import { refusalOf, type TeamsAdmission } from './admit-teams-activity.ts';
import { authenticateTeamsRequest } from './authenticate-teams-request.ts';
import type { EarshotCloudAdapter } from './earshot-cloud-adapter.ts';

export const MAX_ACTIVITY_BYTES = 1_000_000;

const activitySchema = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().optional(),
  timestamp: z.string().optional(),
  localTimestamp: z.string().optional(),
  expiration: z.string().optional(),
});

/**
 * POST /api/messages: authenticate (401), admit (403: channel, tenant), then run the turn. Nothing is
 * stored or answered for a request refused at either step.
 */
export function teamsRequestListener(options: {
  adapter: EarshotCloudAdapter;
  auth: ConfigurationBotFrameworkAuthentication;
  admission: TeamsAdmission;
  logger: Logger;
  logic: (context: TurnContext) => Promise<void>;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const { adapter, auth, admission, logger, logic } = options;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const parsed = activitySchema.safeParse(await readJsonBody(req, MAX_ACTIVITY_BYTES));
    if (!parsed.success) {
      res.writeHead(400).end();
      return;
    }
    const activity = asActivity(parsed.data);
    const log = logger.child({ platform: 'teams', eventId: activity.id, channelId: activity.channelId });
    const authorization = String(req.headers.authorization ?? '');
    const authenticated = await authenticateTeamsRequest(auth, activity, authorization);
    if (!authenticated.ok) {
      // The reason names what failed (signature, audience, expiry…), never the token itself.
      if (authenticated.status === 503) {
        log.error({ reason: authenticated.reason }, 'Teams signing keys unavailable');
      } else {
        log.warn({ reason: authenticated.reason }, 'Teams request refused: authentication failed');
      }
      res.writeHead(authenticated.status).end();
      return;
    }
    const refusal = refusalOf(activity, admission);
    if (refusal) {
      log.warn({ reason: refusal }, 'Teams activity refused');
      res.writeHead(403).end();
      return;
    }
    const invokeResponse = await adapter.runAuthenticated(authenticated.result, activity, logic);
    const body = invokeResponse?.body;
    res.statusCode = invokeResponse?.status ?? 200;
    if (body === undefined || body === null) {
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  };
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof EarshotError ? (error.code === 'too_large' ? 413 : 400) : 500;
      logger.warn({ err: error, platform: 'teams' }, 'Teams request failed');
      if (!res.headersSent) res.writeHead(status);
      if (!res.writableEnded) res.end();
    });
  };
}

/** As botbuilder's own `validateAndFixActivity`: wire timestamps become Dates, the raw strings are kept. */
function asActivity(body: z.infer<typeof activitySchema>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = body[field];
    if (typeof value !== 'string') continue;
    activity[raw] = value;
    activity[field] = new Date(value);
  }
  return activity as unknown as Activity;
}
