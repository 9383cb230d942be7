import type { Context } from 'hono';
import { z } from 'zod';
import type { Entry } from '../../knowledge/entry.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { messagePage } from '../pages/layout.ts';
import { type PrivateAudienceDeps, privateAudiencesOf, visibleTo } from '../private-audiences.ts';

const entryId = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * The entry a page or form names, when the viewer may see it: in the viewer's organization, and public
 * or private to a conversation the viewer (a curator) is in. Otherwise a 404 that says no more, so a
 * private entry's existence is not given away. Also returns the private conversations the viewer may
 * see, for the page's other lists.
 */
export async function visibleEntry(
  c: Context<ConsoleEnv>,
  deps: Pick<ConsoleDeps, 'entries'> & PrivateAudienceDeps,
): Promise<{ entry: Entry; audiences: string[] } | { refusal: Response | Promise<Response> }> {
  const viewer = c.get('viewer');
  const id = entryId.safeParse(c.req.param('id'));
  const [entry] = id.success ? await deps.entries.getMany(viewer.organization, [id.data]) : [];
  const audiences = entry?.audience ? await privateAudiencesOf(deps, viewer) : [];
  if (!entry || !visibleTo(entry, audiences)) {
    return { refusal: noSuchEntry(c) };
  }
  return { entry, audiences };
}

/** The one answer for an entry the viewer may not see, whether or not it exists. */
export function noSuchEntry(c: Context<ConsoleEnv>) {
  return c.html(messagePage('No such entry', 'That entry does not exist in this organization.'), 404);
}

/** The entry a curator's page or form names (curator-only routes check the role first). */
export const curatedEntry = visibleEntry;

/** A posted form's text as chat submits it: browsers send line breaks as CRLF. */
export function submittedValues(form: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(form).map(([name, value]) => [
      name,
      typeof value === 'string'
        ? value.replace(/\r\n?/g, '\n')
        : Array.isArray(value)
          ? value.filter((item) => typeof item === 'string')
          : value,
    ]),
  );
}
