import type { Logger } from '../../logger.ts';
import { FIELD_KINDS } from '../entry.ts';
import type { QuestionLog } from '../questions/question-log.ts';
import type { KnowledgeSearch } from '../search/knowledge-search.ts';
import type { SearchFilters } from '../search/search-filters.ts';
import { conversationKey } from '../workspaces/platform-ids.ts';
import {
  type AnswerReferences,
  MAX_SUGGESTED_REFERENCES,
  type ReferenceFinder,
} from './answer-references.ts';
import type { Answer, Statement } from './answer-types.ts';
import {
  type AnswerWriter,
  type EarlierTurn,
  keepCitedStatements,
  onlyCitedSources,
  type WriterInput,
} from './answer-writer.ts';
import { extractiveStatements } from './extractive-answer.ts';
import { findWithFacets } from './facet-search.ts';
import { summarizeField } from './field-summary.ts';
import type { StaleEntries } from './freshness.ts';
import { questionSubject } from './question-subject.ts';
import { mendQuestionWords } from './question-typos.ts';
import { referenceCriteria } from './reference-question.ts';
import type { SourceEntry } from './select-sources.ts';

export interface AnswerDeps {
  search: KnowledgeSearch;
  questions: QuestionLog;
  writer?: AnswerWriter;
  logger: Logger;
  now?: () => Date;
  /** Reference customers for questions asking for references; without it answers offer none. */
  references?: ReferenceFinder;
  /** Entries past their review date: marked in answers (default) or left out of them. */
  staleEntries?: StaleEntries;
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
  /** The previous turn when this question follows up in a thread: a chat model's context. */
  earlier?: EarlierTurn;
  /** Search the whole question, ignoring any stage, industry or role it names ("drop the filters"). */
  ignoreFacets?: boolean;
}

/** The conversation asked in as a platform-qualified key, as entry and question audiences store it. */
export function askedInKey(request: Pick<AskRequest, 'platform' | 'channel'>): string | undefined {
  const { platform, channel } = request;
  if (!channel || (platform !== 'slack' && platform !== 'teams')) return undefined;
  return conversationKey(platform, channel);
}

/** An answer that was not logged as a question asked (evaluation runs). */
export type UnloggedAnswer = Omit<Answer, 'questionId'>;

/** Answers "what are you hearing about …?" from one workspace's published entries, and logs the question. */
export async function answerQuestion(deps: AnswerDeps, request: AskRequest): Promise<Answer> {
  const answer = await composeAnswer(deps, request);
  const questionId = await deps.questions.record({
    workspaceId: request.workspaceId,
    text: request.question,
    askedBy: request.askedBy,
    platform: request.platform,
    channel: request.channel,
    audience: request.privateConversation ? (askedInKey(request) ?? null) : null,
    answered: answer.heard,
    sourceIds: answer.sources.map((source) => source.id),
    usedModel: answer.model !== null,
    answer,
  });
  return { ...answer, questionId };
}

/**
 * The answer `answerQuestion` gives, without logging the question: evaluation runs must not show up
 * as questions reps asked (nor among the digest's unanswered ones).
 */
export async function composeAnswer(
  deps: Omit<AnswerDeps, 'questions'>,
  request: AskRequest,
): Promise<UnloggedAnswer> {
  const now = deps.now?.() ?? new Date();
  const askedIn = askedInKey(request);
  // Read with its misspelt framing words mended; the answer still shows the question as asked.
  const vocabulary = await deps.search.questionVocabulary(request.workspaceId);
  const question = mendQuestionWords(request.question, vocabulary.knowsWord, vocabulary.industries);
  const mended = { ...request, question };
  const [{ facets, found }, references] = await Promise.all([
    findWithFacets({ ...deps, now }, mended, askedIn, vocabulary),
    suggestReferences(deps, mended),
  ]);
  const { selected, query, termWeights } = found;
  const written =
    selected.length > 0
      ? await write(deps, {
          question: mended.question,
          sources: selected,
          summary: summarizeField(fieldEntries(selected), now),
          earlier: request.earlier,
        })
      : null;
  const { sources, statements } = written
    ? { sources: written.sources, statements: written }
    : {
        sources: selected,
        statements: extractiveStatements(selected, {
          question: mended.question,
          query,
          weights: termWeights,
        }),
      };
  const heard = sources.length > 0;
  return {
    question: request.question,
    subject: questionSubject(mended.question),
    heard,
    // Counted over the cited entries only: an entry that does not answer earns no rep or account credit.
    field: { summary: summarizeField(fieldEntries(sources), now), statements: statements.field },
    objective: { statements: statements.objective },
    sources: sources.map(({ source }) => source),
    ...(!heard && found.closest.length > 0 ? { closest: found.closest.map(({ source }) => source) } : {}),
    model: written?.model ?? null,
    references,
    ...(facets ? { facets } : {}),
  };
}

/**
 * The reference desk's matches when the question asks for references, available first. The answer
 * stands without them: a desk that fails costs the references, not the answer.
 */
async function suggestReferences(
  deps: Pick<AnswerDeps, 'references' | 'logger'>,
  request: AskRequest,
): Promise<AnswerReferences | null> {
  const criteria = referenceCriteria(request.question);
  if (criteria === null || !deps.references) return null;
  try {
    const matches = await deps.references({ workspaceId: request.workspaceId, criteria });
    const shown = matches.slice(0, MAX_SUGGESTED_REFERENCES);
    return { criteria, matches: shown, more: matches.length - shown.length };
  } catch (error) {
    deps.logger.warn(
      { err: error, workspace: request.workspaceId },
      'reference check failed; answering without it',
    );
    return null;
  }
}

function fieldEntries(sources: SourceEntry[]) {
  return sources.filter(({ entry }) => FIELD_KINDS.includes(entry.kind)).map(({ entry }) => entry);
}

interface ModelAnswer {
  model: string;
  /** The sources the model cited, renumbered; empty when it found that none answers the question. */
  sources: SourceEntry[];
  field: Statement[];
  objective: Statement[];
}

/**
 * The model's answer, or null to fall back to the extractive one (no model, error, timeout, nothing
 * cited). A model that finds no source answering the question makes the answer "nothing heard".
 */
async function write(deps: Omit<AnswerDeps, 'questions'>, input: WriterInput): Promise<ModelAnswer | null> {
  if (!deps.writer) return null;
  const model = deps.writer.model;
  const { sources } = input;
  try {
    const raw = await deps.writer.write(input);
    if (!raw.answers) {
      deps.logger.info({ model }, 'model found that no retrieved entry answers the question');
      return { model, sources: [], field: [], objective: [] };
    }
    const cited = {
      field: keepCitedStatements(raw.field, sources),
      objective: keepCitedStatements(raw.objective, sources),
    };
    if (cited.field.length + cited.objective.length === 0) {
      deps.logger.warn({ model }, 'model answer cited no retrieved entry; using the extractive answer');
      return null;
    }
    return { model, ...onlyCitedSources(cited, sources) };
  } catch (error) {
    deps.logger.warn({ err: error, model }, 'model answer failed; using the extractive answer');
    return null;
  }
}
