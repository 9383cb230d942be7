import type { Context } from 'hono';
import { z } from 'zod';
import type { Entry } from '../../knowledge/entry.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { messagePage } from '../pages/layout.ts';

const entryId = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * The entry a curator's page or form names, in the viewer's organization; otherwise the page that says
 * why not. Private entries are refused: the console cannot tell who is in their conversation.
 */
export async function curatedEntry(
  c: Context<ConsoleEnv>,
  deps: Pick<ConsoleDeps, 'entries'>,
): Promise<{ entry: Entry } | { refusal: Response | Promise<Response> }> {
  const id = entryId.safeParse(c.req.param('id'));
  const [entry] = id.success ? await deps.entries.getMany(c.get('viewer').organization, [id.data]) : [];
  if (!entry) {
    return {
      refusal: c.html(messagePage('No such entry', 'That entry does not exist in this organization.'), 404),
    };
  }
  if (entry.audience !== null) {
    return {
      refusal: c.html(
        messagePage(
          'Private entry',
          'This entry is private to the conversation it was captured in: curate it there, in Slack or Teams.',
        ),
        403,
      ),
    };
  }
  return { entry };
}

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
