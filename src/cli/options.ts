import { z } from 'zod';
import { EarshotError } from '../errors.ts';
import { canonicalRole, ROLES_ACCEPTED } from '../knowledge/buyer-roles.ts';
import {
  BUYING_STAGES,
  ENTRY_KINDS,
  ENTRY_STATUSES,
  industrySchema,
  rolesSchema,
} from '../knowledge/entry.ts';
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

/** One buyer role by its name or an alias ("chief financial officer"), as its canonical name. */
const roleOption = z.string().transform((value, context) => {
  const role = canonicalRole(value);
  if (role === null) context.addIssue({ code: 'custom', message: `must be one of the ${ROLES_ACCEPTED}` });
  return role ?? value;
});

/** An industry to filter by, compared lower-case with entries' and accounts' industries. */
const industryOption = industrySchema.pipe(z.string('must not be empty').toLowerCase());

export const filterOptions = z.object({
  kind: z
    .string()
    .optional()
    .transform((value) => value?.split(',').map((kind) => kind.trim()))
    .pipe(z.array(z.enum(ENTRY_KINDS)).optional()),
  stage: z.enum(BUYING_STAGES).optional(),
  topic: z.string().trim().toLowerCase().optional(),
  industry: industryOption.optional(),
  role: roleOption.optional(),
  from: date.optional(),
  to: date.optional(),
});

export function toFilters(options: z.output<typeof filterOptions>): SearchFilters {
  return {
    kinds: options.kind,
    stage: options.stage,
    topic: options.topic,
    industry: options.industry,
    role: options.role,
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
const entryId = z.coerce.number().int().positive();

/** An entry id typed as an argument, or an error naming what was typed and where ids are listed. */
export function entryIdArgument(input: string): number {
  const parsed = entryId.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new EarshotError({
    code: 'invalid_input',
    message: `"${input}" is not an entry id: give its number, such as 42 (\`earshot entries list\` shows them).`,
  });
}
export { date as dateOption };

/** `--roles "CFO; IT admin"`: `;`-separated names or aliases, or `none` to clear them. */
export const rolesOption = z
  .string()
  .transform((value) => (value.trim() === 'none' ? [] : value.split(';')))
  .pipe(rolesSchema);

/** `--industry Healthcare`, or `none` to clear it. */
export const industryEditOption = z
  .string()
  .transform((value) => (value.trim() === 'none' ? '' : value))
  .pipe(industrySchema)
  .transform((value) => value ?? null);
