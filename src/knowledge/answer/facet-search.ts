import { industryForms, knownIndustries } from '../industries.ts';
import type { QuestionVocabulary } from '../search/knowledge-search.ts';
import type { SearchFilters } from '../search/search-filters.ts';
import type { AnswerDeps, AskRequest } from './answer-question.ts';
import type { AnswerFacets } from './answer-types.ts';
import { facetLabels } from './facet-labels.ts';
import { overdueSince } from './freshness.ts';
import { type DetectedFacets, detectFacets, hasFacets, type QuestionFacets } from './question-facets.ts';
import { retrievalQuery } from './question-subject.ts';
import { judgeHits } from './relevance.ts';
import { asksAboutUs } from './relevance-features.ts';
import { type SourceEntry, selectClosest, selectSources } from './select-sources.ts';
import { asksWhatIsHeard, orderSources } from './source-order.ts';

/** How many hits are read to judge which answer the question; only the best few are cited. */
const SEARCH_LIMIT = 20;

/**
 * Words that ask for material, or name who it is from, without saying what about ("healthcare
 * prospects", "content for the decide stage"): with only these left, the facets are the subject.
 */
const NO_SUBJECT = new Set(
  'what which any anything something some good best great content contents material materials stuff resources collateral assets show share send use using give recommend suggest should could would can i we me us our you have got is are there do does for to a an the of on about demo demos works work helps help prospects prospect customers customer companies company accounts account buyers buyer clients client deals deal news going doing saying asking hearing care say ask want wants how who handle approach pitch talk things thing latest new update updates happening lately recently hear heard seeing s up coming come been in through from'.split(
    ' ',
  ),
);

export interface Found {
  selected: SourceEntry[];
  /** When nothing answers: the hits that came closest, to show as such, never as an answer. */
  closest: SourceEntry[];
  query: string;
  termWeights: ReadonlyMap<string, number>;
}

/** `now` decides which entries are past their review date (marked, or left out with `staleEntries: 'exclude'`). */
type SearchDeps = Pick<AnswerDeps, 'search' | 'staleEntries'> & { now: Date };

/**
 * Searches with the facets the question names. Stage, industry and role are hard filters: a rep asking
 * for "healthcare" or "the decide stage" wants that slice, and an answer from another industry would
 * mislead. The industry filter keeps entries tagged with it, heard from an account in it, or naming it
 * in their text (untagged tips and research often do). A role is detected only as the person content is
 * for, never as someone's ("Acme's CFO said…"), and only when some entry carries it. "Demo" is a preference, not a filter: demo entries are searched first and the
 * other kinds answer when none does, since a tip or expert note often describes how to demo. When the
 * facets leave nothing while the question's own words would find something, the answer says so.
 */
export async function findWithFacets(
  deps: SearchDeps,
  request: AskRequest,
  conversationKey: string | undefined,
  vocabulary: QuestionVocabulary,
): Promise<{ facets: AnswerFacets | null; found: Found }> {
  const base = { deps, request, conversationKey };
  const detected = detectFacets(request.question, vocabulary);
  // Filtered to an industry nobody is in, every entry left names it: listed, as facets alone are.
  const nobodys = detected.facets.industry ? null : industryNobodyIsIn(request.question, vocabulary);
  const { facets, rest } = nobodys ?? detected;
  if (!hasFacets(facets)) return { facets: null, found: await find(base, request.question, request.filters) };
  if (request.ignoreFacets) return { facets: null, found: await withoutFacets(base, rest) };

  const filters: SearchFilters = {
    ...request.filters,
    ...(facets.stage ? { stage: facets.stage } : {}),
    ...(facets.industry ? { industry: facets.industry } : {}),
    ...(facets.role ? { role: facets.role } : {}),
  };
  // "What are we hearing from insurance companies?": the industry is the whole subject, so its name is
  // the query (an entry heard from an insurer carries it) and the filter keeps the entries about it.
  const subjectIndustry = !nobodys && !hasSubject(retrievalQuery(rest)) ? facets.industry : undefined;
  const words = subjectIndustry ?? rest;
  // What the field says there is chatter from its accounts; a tip or study that names the industry comes after.
  const chatterFirst = subjectIndustry !== undefined && asksWhatIsHeard(rest);
  let found: Found = { selected: [], closest: [], query: words, termWeights: new Map() };
  if (facets.demo) found = await find(base, words, { ...filters, kinds: ['demo'] });
  if (found.selected.length === 0) found = await find(base, words, filters, chatterFirst);
  const filtered = Boolean(facets.stage || facets.industry || facets.role);
  // Only a question with words of its own can be answered without its facets: "content for the decide
  // stage" without the stage is every entry, which answers nothing.
  const without =
    found.selected.length === 0 && filtered && hasSubject(retrievalQuery(rest))
      ? await withoutFacets(base, rest)
      : null;
  if (without && without.selected.length > 0 && asksWhatWeDo(request.question, rest)) {
    return { facets: null, found: without };
  }
  return { facets: toAnswerFacets(facets, (without?.selected.length ?? 0) > 0), found };
}

/** A yes-or-no question: "Can we…", "Do we…", "Is there…". */
const YES_OR_NO = /^[\s"'“]*(?:can|could|do|does|did|will|would|is|are|have|has)\b/i;
/** Words that ask for evidence from the industry itself: a reference or case study there. */
const FROM_THE_INDUSTRY = /\b(?:references?|case stud(?:y|ies)|logos?|(?:customer|success) stor(?:y|ies))\b/i;

/**
 * "Can we sign a BAA with a hospital?" asks whether we do something, which holds in every industry:
 * when nothing filed under the industry answers, what we do is the answer. Not "Do we have a case
 * study with a mining company?": a case study from another industry is not one.
 */
function asksWhatWeDo(question: string, rest: string): boolean {
  return YES_OR_NO.test(question) && asksAboutUs(question) && !FROM_THE_INDUSTRY.test(rest);
}

/**
 * A question whose whole subject is an industry the workspace has no account or entry in ("How are we
 * doing with construction firms?"), or that asks for a reference or case study from one, is about that
 * industry all the same: filtered to it, it finds the entries that name it, or nothing, rather than
 * chatter that shares the word "firms". Not where one of the workspace's industries shares a word with
 * it ("construction & engineering"): that is the same industry written another way, and its accounts
 * would be filtered out.
 */
function industryNobodyIsIn(
  question: string,
  vocabulary: { industries: ReadonlySet<string>; roles: ReadonlySet<string> },
): DetectedFacets | null {
  const general = detectFacets(question, { industries: knownIndustries(), roles: vocabulary.roles });
  const industry = general.facets.industry;
  if (!industry) return null;
  // "Do we have a case study with a mining company?" asks for one from that industry, whatever else it says.
  if (hasSubject(retrievalQuery(general.rest)) && !FROM_THE_INDUSTRY.test(general.rest)) return null;
  const words = new Set(industryForms(industry).flatMap(wordsOf));
  const sameWritten = [...vocabulary.industries].some((known) =>
    wordsOf(known).some((word) => words.has(word)),
  );
  return sameWritten ? null : general;
}

/** Words many industries' names share, which make no two of them the same. */
const GENERIC_INDUSTRY_WORDS = new Set([
  'and',
  'services',
  'companies',
  'groups',
  'systems',
  'providers',
  'management',
]);

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2 && !GENERIC_INDUSTRY_WORDS.has(word));
}

/**
 * The question's own words with no facet filter: what "Ask without filters" answers. The words that
 * named the facets stay out ("payback for a CISO" searches "payback"), or a CISO nobody tagged would
 * still sink every entry; a question of facets alone is searched whole.
 */
function withoutFacets(base: FindBase, rest: string): Promise<Found> {
  const words = hasSubject(retrievalQuery(rest)) ? rest : base.request.question;
  return find(base, words, base.request.filters);
}

interface FindBase {
  deps: SearchDeps;
  request: AskRequest;
  conversationKey?: string;
}

async function find(
  { deps, request, conversationKey }: FindBase,
  question: string,
  filters: SearchFilters | undefined,
  chatterFirst = false,
): Promise<Found> {
  const query = retrievalQuery(question);
  const viewer = { conversationKey };
  if (!hasSubject(query)) {
    // Only facets were named ("content for the decide stage"): list what they select, newest first.
    const hits = await deps.search.newest({
      workspaceId: request.workspaceId,
      limit: SEARCH_LIMIT,
      filters,
      viewer,
    });
    return {
      selected: selectSources(
        fresh(deps, hits).map((hit) => ({ hit, relevance: 1 })),
        deps.now,
      ),
      closest: [],
      query,
      termWeights: new Map(),
    };
  }
  const hits = await deps.search.search({
    workspaceId: request.workspaceId,
    query,
    limit: SEARCH_LIMIT,
    filters,
    viewer,
  });
  const { judged, relevant, termWeights } = judgeHits({ question, query }, fresh(deps, hits));
  const ranked = orderSources(relevant, { asked: request.question, searched: question, chatterFirst });
  return {
    selected: selectSources(ranked, deps.now),
    closest: relevant.length === 0 ? selectClosest(judged, deps.now) : [],
    query,
    termWeights,
  };
}

/** The hits an answer may use: all of them, or with `EARSHOT_STALE_ENTRIES=exclude` those not overdue. */
function fresh<T extends { entry: { reviewBy: Date | null } }>(deps: SearchDeps, hits: T[]): T[] {
  return deps.staleEntries === 'exclude'
    ? hits.filter((hit) => overdueSince(hit.entry.reviewBy, deps.now) === null)
    : hits;
}

function hasSubject(query: string): boolean {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => word !== '' && !NO_SUBJECT.has(word));
}

function toAnswerFacets(facets: QuestionFacets, withoutFindsMore: boolean): AnswerFacets {
  return {
    stage: facets.stage ?? null,
    industry: facets.industry ?? null,
    role: facets.role ?? null,
    demo: facets.demo ?? false,
    labels: facetLabels(facets),
    withoutFindsMore,
  };
}
