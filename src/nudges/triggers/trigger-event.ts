import { z } from 'zod';
import { workspaceFromInput } from '../../knowledge/workspaces/platform-ids.ts';
import { isoDate, requiredText } from '../../records/read-record-file.ts';
import { TRIGGER_TYPES } from './trigger-types.ts';

const accountRef = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(300).optional(),
    domain: z.string().trim().min(1, 'must not be empty').max(300).optional(),
  })
  .refine((account) => account.name || account.domain, {
    message: 'must give the account’s name or domain, e.g. {"domain": "acme.com"}',
  });

/** One buying-trigger event, as the webhook receives it. */
export const triggerEventSchema = z.strictObject({
  type: z.enum(TRIGGER_TYPES, `must be one of ${TRIGGER_TYPES.join(', ')}`),
  account: accountRef,
  title: requiredText('a short description such as "Acme raised a $40M Series B"').pipe(z.string().max(500)),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) link such as https://news.example.com/acme' })
    .optional(),
  occurredAt: isoDate,
});

export type TriggerEventInput = z.output<typeof triggerEventSchema>;

export const MAX_EVENTS_PER_REQUEST = 5000;

/** The webhook body: `{"workspace", "events": [...]}`. */
export const triggerWebhookSchema = z.strictObject({
  workspace: requiredText('the workspace id (a Slack team id or Teams tenant id)').transform(
    workspaceFromInput,
  ),
  events: z
    .array(triggerEventSchema, 'must be a list of events')
    .min(1, 'must hold at least one event')
    .max(
      MAX_EVENTS_PER_REQUEST,
      `must hold at most ${MAX_EVENTS_PER_REQUEST} events; send more in several requests`,
    ),
});

/** Trigger files: the same event flattened for CSV (accountName, accountDomain) or nested in JSON Lines. */
export const TRIGGER_FILE_FIELDS = [
  'type',
  'account',
  'accountName',
  'accountDomain',
  'title',
  'url',
  'occurredAt',
] as const;

export const triggerFileRecordSchema = z
  .strictObject({
    type: z.unknown(),
    account: z.unknown().optional(),
    accountName: z.string().optional(),
    accountDomain: z.string().optional(),
    title: z.unknown(),
    url: z.unknown().optional(),
    occurredAt: z.unknown(),
  })
  .transform(({ accountName, accountDomain, account, ...rest }) => ({
    ...rest,
    account: account ?? {
      ...(accountName ? { name: accountName } : {}),
      ...(accountDomain ? { domain: accountDomain } : {}),
    },
  }))
  .pipe(triggerEventSchema);
