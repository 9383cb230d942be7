import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifySlackRequest } from '@slack/bolt';
import { EarshotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Route } from '../server/http-server.ts';
import { readBody } from '../server/read-body.ts';
import { replyJson } from '../server/reply.ts';
import { currentRequest } from '../server/request-context.ts';
import { isSslCheck, slackPayloadBody, slackPayloadProblem } from './slack-payload.ts';

/** Slack's payloads are small (a message is at most 40k characters); Bolt's own default is 4 MB. */
export const MAX_SLACK_BODY_BYTES = 1_000_000;
/** Slack's replay window; Bolt 5.1 enforces it only for timestamps in the past. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

type Refusal = { status: 400 | 401 | 413; error: string; reason: string };

/**
 * `POST /slack/events` in HTTP mode: Bolt's request listener behind checks Bolt lacks. The body is
 * read once with a size limit, the timestamp must be within 5 minutes of now either way, the
 * signature is verified (Bolt's constant-time check) and the payload must be one Bolt can handle;
 * only then does Bolt see the request (it reuses the buffered body and verifies it again).
 */
export function slackEventsRoute(options: {
  requestListener: (req: IncomingMessage, res: ServerResponse) => void;
  signingSecret: string;
  logger: Logger;
  /**
   * False when it cannot be told now whether Earshot serves the workspace a request comes from (one
   * never seen by this process, while the database is unreachable). Bolt would acknowledge such a
   * request and drop it; a 503 instead makes Slack deliver it again (events) or tell the user it failed.
   */
  authorizable?: (body: unknown) => Promise<boolean>;
}): Route {
  return {
    methods: ['POST'],
    maxBodyBytes: MAX_SLACK_BODY_BYTES,
    handle: async (req, res) => {
      const refusal = await admit(req, options.signingSecret);
      if (refusal) {
        options.logger.warn(
          { platform: 'slack', requestId: currentRequest()?.requestId, reason: refusal.reason },
          'refused a Slack request',
        );
        replyJson(res, refusal.status, { error: refusal.error });
        return;
      }
      if (options.authorizable && !(await options.authorizable(bodyOf(req)))) {
        options.logger.warn(
          { platform: 'slack', requestId: currentRequest()?.requestId },
          'a Slack request from a workspace not seen yet cannot be authorized while the database is unreachable: answered 503 so Slack tries again',
        );
        res.setHeader('retry-after', '5');
        replyJson(res, 503, { error: 'try_again' });
        return;
      }
      options.requestListener(req, res);
    },
  };
}

function bodyOf(req: IncomingMessage): unknown {
  const { rawBody } = req as IncomingMessage & { rawBody: Buffer };
  return slackPayloadBody(rawBody.toString(), req.headers['content-type']);
}

/** Reads and checks the request; undefined when Bolt may have it (with `rawBody` set). */
async function admit(req: IncomingMessage, signingSecret: string): Promise<Refusal | undefined> {
  let rawBody: Buffer;
  try {
    rawBody = await readBody(req, MAX_SLACK_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    return error.code === 'too_large'
      ? { status: 413, error: 'too_large', reason: error.message }
      : { status: 400, error: 'invalid_body', reason: error.message };
  }
  // Bolt's HTTPReceiver takes a request whose `rawBody` is a Buffer as already read.
  Object.assign(req, { rawBody });
  const text = rawBody.toString();
  const contentType = req.headers['content-type'];
  // Unsigned by Slack; Bolt answers it with 200 and drops anything else in the body.
  if (isSslCheck(text, contentType)) return undefined;
  const unauthorized = (reason: string): Refusal => ({ status: 401, error: 'unauthorized', reason });

  const stamp = req.headers['x-slack-request-timestamp'];
  if (typeof stamp !== 'string' || !/^\d{1,12}$/.test(stamp)) {
    return unauthorized('X-Slack-Request-Timestamp is missing or not a number');
  }
  const skew = Math.abs(Date.now() / 1000 - Number(stamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) {
    return unauthorized('X-Slack-Request-Timestamp is more than 5 minutes from now');
  }
  const signature = req.headers['x-slack-signature'];
  if (typeof signature !== 'string') return unauthorized('X-Slack-Signature is missing');
  try {
    verifySlackRequest({
      signingSecret,
      body: text,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(stamp) },
    });
  } catch {
    return unauthorized('signature mismatch');
  }

  const problem = slackPayloadProblem(text, contentType);
  return problem ? { status: 400, error: 'invalid_body', reason: problem } : undefined;
}
