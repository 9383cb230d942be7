import type { Hono } from 'hono';
import { EarshotError } from '../../errors.ts';
import type { UnloggedAnswer } from '../../knowledge/answer/answer-question.ts';
import { BUYING_STAGES, type BuyingStage, ENTRY_KINDS, type EntryKind } from '../../knowledge/entry.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { type EntryFilters, knowledgePage } from '../pages/knowledge-page.ts';

const MAX_QUESTION_CHARS = 500;
const MAX_TOPIC_CHARS = 100;
const RECENT_ENTRIES = 50;

/** `GET /console`: the chat answer to a question, and the newest published, public entries by filter. */
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
      kind: filters.kind ?? undefined,
      topic: filters.topic ?? undefined,
      stage: filters.stage ?? undefined,
      limit: RECENT_ENTRIES,
    });
    return c.html(knowledgePage({ viewer, query, answer, problem, filters, entries, now: deps.clock.now() }));
  });
}

export function filtersOf(param: (name: string) => string | undefined): EntryFilters {
  const kind = param('kind');
  const stage = param('stage');
  const topic = (param('topic') ?? '').trim().slice(0, MAX_TOPIC_CHARS);
  return {
    kind: ENTRY_KINDS.includes(kind as EntryKind) ? (kind as EntryKind) : null,
    stage: BUYING_STAGES.includes(stage as BuyingStage) ? (stage as BuyingStage) : null,
    topic: topic || null,
  };
}
