import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';

/*
 * What a request body must look like before Bolt sees it. Bolt's HTTPReceiver (5.1) parses the body
 * and then dereferences it without checks: `body.ssl_check` on a signed `null` throws inside a promise
 * nobody awaits (an unhandled rejection that ends the process), and App.processEvent reads
 * `event.channel`, `event.item`, `event.subteam`, `authorizations[0]`, `user.id`, `team.id`, `view`
 * as objects (a TypeError there is a 500). So: a JSON object (or a form whose `payload` is one) that
 * Bolt can route, with those fields of the right kind. Anything else is a 400.
 */

const record = z.looseObject({});
const idOrRecord = z.union([z.string(), record]);

const urlVerification = z.looseObject({ type: z.literal('url_verification'), challenge: z.string() });

const eventEnvelope = z.looseObject({
  event: z.looseObject({
    type: z.string(),
    channel: idOrRecord.optional(),
    user: idOrRecord.optional(),
    item: record.optional(),
    subteam: record.optional(),
  }),
  authorizations: z.array(record).optional(),
});

const command = z.looseObject({ command: z.string() });

const INTERACTION_TYPES = [
  'block_actions',
  'interactive_message',
  'block_suggestion',
  'dialog_submission',
  'dialog_suggestion',
  'shortcut',
  'message_action',
  'view_submission',
  'view_closed',
] as const;

const interaction = z.looseObject({
  type: z.enum(INTERACTION_TYPES),
  user: record,
  team: record.nullable().optional(),
  enterprise: record.nullable().optional(),
  channel: record.optional(),
  actions: z.array(record).optional(),
  view: record.optional(),
  container: record.optional(),
  message: record.optional(),
  function_data: record.optional(),
});
const viewAction = interaction.extend({ view: record });

/** Slack's own notice that events are being dropped: nothing to route, but not a client error either. */
const rateLimited = z.looseObject({ type: z.literal('app_rate_limited') });

/** Form fields as Slack sends them: each once (a repeated field would reach Bolt as an array). */
const formFields = z.record(z.string(), z.string());

/** Why a request body is not a Slack payload Bolt can handle safely, or undefined when it is. */
export function slackPayloadProblem(rawBody: string, contentType: string | undefined): string | undefined {
  const body = parsedPayload(rawBody, contentType);
  return body === REPEATED_FIELDS ? 'form fields must each appear once' : problemWith(body);
}

/** The body as Bolt reads it (a form's `payload` parsed); only for a body `slackPayloadProblem` passed. */
export function slackPayloadBody(rawBody: string, contentType: string | undefined): unknown {
  return parsedPayload(rawBody, contentType);
}

const REPEATED_FIELDS = Symbol('repeated form fields');

function parsedPayload(rawBody: string, contentType: string | undefined): unknown {
  // Bolt parses form bodies only for exactly this content type, and everything else as JSON.
  if (contentType === 'application/x-www-form-urlencoded') {
    const fields = formFields.safeParse(parseQuery(rawBody));
    if (!fields.success) return REPEATED_FIELDS;
    const { payload } = fields.data;
    return payload === undefined ? fields.data : parseJson(payload);
  }
  return parseJson(rawBody);
}

/**
 * Checks one payload of each kind: zod compiles a schema on its first use (~10 ms under load), which a
 * server does before it listens rather than inside its first request.
 */
export function compileSlackPayloadChecks(): void {
  const samples = [
    {
      type: 'event_callback',
      event: { type: 'app_mention', channel: 'C1', user: 'U1' },
      authorizations: [{}],
    },
    { type: 'url_verification', challenge: 'c' },
    { type: 'block_actions', user: {}, team: {}, actions: [{}] },
    { type: 'view_submission', user: {}, view: {} },
    { type: 'app_rate_limited' },
  ];
  for (const sample of samples) slackPayloadProblem(JSON.stringify(sample), 'application/json');
  slackPayloadProblem('command=%2Fearshot&text=x', 'application/x-www-form-urlencoded');
}

/** True for Slack's SSL check, which Slack does not sign and Bolt answers without looking further. */
export function isSslCheck(rawBody: string, contentType: string | undefined): boolean {
  return contentType === 'application/x-www-form-urlencoded' && parseQuery(rawBody).ssl_check === '1';
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** Mirrors the order in which Bolt decides what a body is (helpers.getTypeAndConversation). */
function problemWith(body: unknown): string | undefined {
  if (body === NOT_JSON) return 'body is not valid JSON';
  const object = record.safeParse(body);
  if (!object.success) return 'body is not a JSON object';
  const fields = object.data;
  const schema =
    fields.type === 'url_verification'
      ? urlVerification
      : 'event' in fields
        ? eventEnvelope
        : 'command' in fields
          ? command
          : fields.type === 'app_rate_limited'
            ? rateLimited
            : fields.type === 'view_submission' || fields.type === 'view_closed'
              ? viewAction
              : interaction;
  const parsed = schema.safeParse(fields);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return `not a Slack payload: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
}
