import { z } from 'zod';
import { BUYING_STAGES, ENTRY_KINDS, ENTRY_STATUSES } from '../knowledge/entry.ts';
import type { SearchFilters } from '../knowledge/search/search-filters.ts';
import { workspaceFromInput } from '../knowledge/workspaces/platform-ids.ts';

const date = z.iso
  .date('must be a date such as 2026-11-01')
  .or(z.iso.datetime({ offset: true }))
  .transform((value) => new Date(value));

/** How every `--workspace` option is described: it names a knowledge base, i.e. an organization. */
export const WORKSPACE_HELP = 'organization (its id or name, or a linked Slack team id T… / Teams tenant id)';

/** A Slack team id, a Teams tenant id, `slack:…`/`teams:…`, or `local`: the platform-qualified workspace id. */
export const workspaceOption = z
  .string()
  .trim()
  .min(1, 'must name a workspace, e.g. local, a Slack team id (T0123ABC) or a Teams tenant id')
  .max(200)
  .transform(workspaceFromInput);

export const filterOptions = z.object({
  kind: z
    .string()
    .optional()
    .transform((value) => value?.split(',').map((kind) => kind.trim()))
    .pipe(z.array(z.enum(ENTRY_KINDS)).optional()),
  stage: z.enum(BUYING_STAGES).optional(),
  topic: z.string().trim().toLowerCase().optional(),
  from: date.optional(),
  to: date.optional(),
});

export function toFilters(options: z.output<typeof filterOptions>): SearchFilters {
  return {
    kinds: options.kind,
    stage: options.stage,
    topic: options.topic,
    from: options.from,
    to: options.to,
  };
}

export const limitOption = z.coerce
  .number('must be a whole number')
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(1000, 'must be at most 1000');

export const statusOption = z.enum(ENTRY_STATUSES);
export const kindOption = z.enum(ENTRY_KINDS);
export const stageOption = z.enum(BUYING_STAGES);
export const entryIdArgument = z.coerce.number('must be an entry id such as 42').int().positive();
export { date as dateOption };
