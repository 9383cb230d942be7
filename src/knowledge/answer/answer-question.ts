import type { Logger } from '../../logger.ts';
import { FIELD_KINDS } from '../entry.ts';
import type { QuestionLog } from '../questions/question-log.ts';
import type { KnowledgeSearch } from '../search/knowledge-search.ts';
import type { SearchFilters } from '../search/search-filters.ts';
import { conversationKey } from '../workspaces/platform-ids.ts';
import type { Answer } from './answer-types.ts';
import { type AnswerWriter, keepCitedStatements, type WrittenAnswer } from './answer-writer.ts';
import { extractiveStatements } from './extractive-answer.ts';
import { summarizeField } from './field-summary.ts';
import { questionSubject, retrievalQuery } from './question-subject.ts';
import { relevantHits, type SourceEntry, selectSources } from './select-sources.ts';

/** How many hits are read to count reps and accounts; only the best few are cited. */
const SEARCH_LIMIT = 50;

export interface AnswerDeps {
  search: KnowledgeSearch;
  questions: QuestionLog;
  writer?: AnswerWriter;
  logger: Logger;
  now?: () => Date;
}

export interface AskRequest {
  workspaceId: string;
  question: string;
  askedBy?: string;
  /** `slack`, `teams`, or another front end (`cli`, `demo`) that has no conversations. */
  platform?: string;
  /**
   * The platform's own id of the conversation asked in (Slack `C0123`, a Teams conversation id without
   * its `;messageid=` suffix): entries captured in a private conversation are cited only there.
   */
  channel?: string;
  /** Asked in a DM, group chat or private channel: the question's text stays in that conversation. */
  privateConversation?: boolean;
  filters?: SearchFilters;
}

/** The conversation asked in as a platform-qualified key, as entry and question audiences store it. */
export function askedInKey(request: Pick<AskRequest, 'platform' | 'channel'>): string | undefined {
  const { platform, channel } = request;
  if (!channel || (platform !== 'slack' && platform !== 'teams')) return undefined;
  return conversationKey(platform, channel);
}

/** Answers "what are you hearing about …?" from one workspace's published entries, and logs the question. */
export async function answerQuestion(deps: AnswerDeps, request: AskRequest): Promise<Answer> {
  const now = deps.now?.() ?? new Date();
  const query = retrievalQuery(request.question);
  const askedIn = askedInKey(request);
  const hits = await deps.search.search({
    workspaceId: request.workspaceId,
    query,
    limit: SEARCH_LIMIT,
    filters: request.filters,
    viewer: { conversationKey: askedIn },
  });
  const relevant = relevantHits(hits);
  const summary = summarizeField(
    relevant.filter((hit) => FIELD_KINDS.includes(hit.entry.kind)).map((hit) => hit.entry),
    now,
  );
  const sources = selectSources(relevant);
  const heard = sources.length > 0;
  const written = heard ? await write(deps, request.question, sources, summary) : null;
  const statements = written?.answer ?? extractiveStatements(sources, { question: request.question, query });
  const answer = {
    question: request.question,
    subject: questionSubject(request.question),
    heard,
    field: { summary, statements: statements.field },
    objective: { statements: statements.objective },
    sources: sources.map(({ source }) => source),
    model: written?.model ?? null,
  };
  const questionId = await deps.questions.record({
    workspaceId: request.workspaceId,
    text: request.question,
    askedBy: request.askedBy,
    platform: request.platform,
    channel: request.channel,
    audience: request.privateConversation ? (askedIn ?? null) : null,
    answered: heard,
    sourceIds: sources.map(({ source }) => source.id),
    usedModel: written !== null,
    answer,
  });
  return { ...answer, questionId };
}

/** The model's answer, or null to fall back to the extractive one (no model, error, timeout, nothing cited). */
async function write(
  deps: AnswerDeps,
  question: string,
  sources: SourceEntry[],
  summary: Answer['field']['summary'],
): Promise<{ answer: WrittenAnswer; model: string } | null> {
  if (!deps.writer) return null;
  try {
    const raw = await deps.writer.write({ question, sources, summary });
    const answer = {
      field: keepCitedStatements(raw.field, sources),
      objective: keepCitedStatements(raw.objective, sources),
    };
    if (answer.field.length + answer.objective.length === 0) {
      deps.logger.warn(
        { model: deps.writer.model },
        'model answer cited no retrieved entry; using the extractive answer',
      );
      return null;
    }
    return { answer, model: deps.writer.model };
  } catch (error) {
    deps.logger.warn(
      { err: error, model: deps.writer.model },
      'model answer failed; using the extractive answer',
    );
    return null;
  }
}
