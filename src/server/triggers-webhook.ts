import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { EarshotError } from '../errors.ts';
import type { Earshot } from '../main.ts';
import { triggerWebhookSchema } from '../nudges/triggers/trigger-event.ts';
import { valueAt } from '../records/value-at.ts';
import type { Route } from './http-server.ts';
import { readJsonBody } from './read-json-body.ts';
import { replyJson as reply } from './reply.ts';
import { currentRequest } from './request-context.ts';

export const TRIGGERS_WEBHOOK_PATH = '/hooks/triggers';
const MAX_BODY_BYTES = 5_000_000;

/**
 * `POST /hooks/triggers`: buying-trigger events from a data provider or a CRM workflow, authenticated
 * with `Authorization: Bearer $EARSHOT_WEBHOOK_TOKEN`. A request that fails validation stores nothing.
 */
export function triggersWebhook(earshot: Pick<Earshot, 'config' | 'logger' | 'ingestTriggers'>): Route {
  const token = earshot.config.webhookToken;
  const handleSafely = (req: IncomingMessage, res: ServerResponse) =>
    handle(req, res).catch((error: unknown) => {
      const requestId = currentRequest()?.requestId;
      earshot.logger.error({ err: error, requestId, path: TRIGGERS_WEBHOOK_PATH }, 'trigger webhook failed');
      reply(res, 500, {
        error: 'internal_error',
        message: 'storing the events failed; nothing was stored, retry later',
        requestId,
      });
    });
  return { methods: ['POST'], maxBodyBytes: MAX_BODY_BYTES, handle: handleSafely };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!token) {
      reply(res, 404, {
        error: 'webhook_disabled',
        message: 'set EARSHOT_WEBHOOK_TOKEN on the Earshot server to enable this webhook',
      });
      return;
    }
    if (!authorized(req.headers.authorization, token)) {
      res.setHeader('www-authenticate', 'Bearer');
      reply(res, 401, {
        error: 'unauthorized',
        message: 'send the header "Authorization: Bearer <EARSHOT_WEBHOOK_TOKEN>"',
      });
      return;
    }
    let body: unknown;
    try {
      body = await readJsonBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof EarshotError)) throw error;
      const tooLarge = error.code === 'too_large';
      reply(res, tooLarge ? 413 : 400, {
        error: tooLarge ? 'too_large' : 'invalid_json',
        message: error.message,
      });
      return;
    }
    const parsed = triggerWebhookSchema.safeParse(body);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error, body);
      reply(res, 400, {
        error: 'invalid_body',
        message: issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
        issues,
      });
      return;
    }
    const result = await earshot.ingestTriggers({
      workspaceId: parsed.data.workspace,
      events: parsed.data.events,
      source: 'webhook',
    });
    earshot.logger.info(
      { workspace: parsed.data.workspace, ...result, unmatched: result.unmatched.length },
      'trigger events received',
    );
    reply(res, 202, result);
  }
}

/** Compares digests, so neither the token's length nor its prefix leaks through timing. */
function authorized(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  if (!given) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** `events[2].occurredAt` and what to send instead. */
function describeIssues(error: z.ZodError, body: unknown): Array<{ field: string; message: string }> {
  return error.issues.map((issue) => {
    const field = issue.path.reduce<string>(
      (path, key) =>
        typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key),
      '',
    );
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.join(', ')}; remove them`
        : issue.message;
    const missing =
      (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
      valueAt(body, issue.path) === undefined;
    return { field: field || 'body', message: missing ? `is required; ${message}` : message };
  });
}
