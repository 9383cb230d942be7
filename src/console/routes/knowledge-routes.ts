import type { Hono } from 'hono';
import { EarshotError } from '../../errors.ts';
import type { UnloggedAnswer } from '../../knowledge/answer/answer-question.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { filtersOf, storeFilter } from '../entry-filters.ts';
import { knowledgePage } from '../pages/knowledge-page.ts';
import { privateAudiencesOf } from '../private-audiences.ts';

const MAX_QUESTION_CHARS = 500;
const RECENT_ENTRIES = 50;

/**
 * `GET /console`: the chat answer to a question, and the newest published entries by filter: public
 * ones, and for a curator those private to conversations they are in.
 */
export function knowledgeRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.get('/', async (c) => {
    const viewer = c.get('viewer');
    const query = (c.req.query('q') ?? '').trim().slice(0, MAX_QUESTION_CHARS);
    const filters = filtersOf((name) => c.req.query(name));
    let answer: UnloggedAnswer | null = null;
    let problem: string | null = null;
    if (query) {
      try {
        // The same answer as chat, without a conversation: private captures are never cited here.
        answer = await deps.askWithoutLogging({
          workspaceId: viewer.organization,
          question: query,
          askedBy: viewer.email,
          platform: 'console',
          ignoreFacets: c.req.query('all') === '1',
        });
      } catch (error) {
        if (!(error instanceof EarshotError)) throw error;
        problem = error.userMessage;
      }
    }
    const entries = await deps.entries.list({
      workspaceId: viewer.organization,
      status: 'published',
      audience: null,
      // A curator also sees the private captures of conversations they are in, as on chat's home tab.
      orPrivateTo: await privateAudiencesOf(deps, viewer),
      ...storeFilter(filters, deps.clock.now()),
      limit: RECENT_ENTRIES,
    });
    return c.html(knowledgePage({ viewer, query, answer, problem, filters, entries, now: deps.clock.now() }));
  });
}
