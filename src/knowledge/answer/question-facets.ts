import { type BuyerRole, roleAliases } from '../buyer-roles.ts';
import type { BuyingStage } from '../entry.ts';
import { industryForms } from '../industries.ts';
import { BoundedMemo } from '../search/bounded-memo.ts';

/** The stage, industry and buyer role a question names, and whether it asks for a demo. */
export interface QuestionFacets {
  stage?: BuyingStage;
  /** Lower-cased, as the workspace's entries and accounts name it ("healthcare"). */
  industry?: string;
  role?: BuyerRole;
  demo?: boolean;
}

export interface DetectedFacets {
  facets: QuestionFacets;
  /** The question with the facet phrases taken out: what is left to search for. */
  rest: string;
}

const STAGE_WORDS: Record<string, BuyingStage> = {
  explore: 'explore',
  exploring: 'explore',
  exploration: 'explore',
  evaluate: 'evaluate',
  evaluating: 'evaluate',
  evaluation: 'evaluate',
  decide: 'decide',
  deciding: 'decide',
  decision: 'decide',
  implement: 'implement',
  implementing: 'implement',
  implementation: 'implement',
};

// Only two forms name a stage. "At the decide stage" says so outright; a participle says it of a buyer
// ("an IT admin evaluating us", "buyers who are still exploring"). The bare verb or noun does not:
// "help me decide between X and Y", "how do customers evaluate pricing", "implementation timelines".
const STAGE_NAMED =
  /\b(?:(?:at|in|for|during) )?(?:the |a |an |their )?(explore|exploring|exploration|evaluate|evaluating|evaluation|decide|deciding|decision|implement|implementing|implementation)(?:[- ]making)? (?:stage|phase)\b/i;
const STAGE_OF_BUYER =
  /\b(?:(?:who(?:'s| is| are)|they(?:'re| are)|(?:is|are) (?:still |just |currently |now )?|still |just |currently )(exploring|evaluating|deciding|implementing)|(exploring|evaluating|implementing) (?:us|earshot|our (?:product|platform|tool)))\b/i;

// A role preceded by one of these is somebody's in particular ("Acme's CFO", "their CFO said"): the
// question is about what that person said, not content for the role, so it is left as words.
const POSSESSIVE_BEFORE = /(?:'s|’s|\btheir|\bhis|\bher|\bour|\byour|\bmy)\s*$/i;

// Roles that are also ordinary words ("legal review", "procurement process", "the controller") count
// only as the person asked for, at the end of the phrase: "for legal", "show procurement?", "a controller".
const PLAIN_WORD_ROLES = new Set<BuyerRole>(['Legal', 'Procurement', 'Controller']);
const ROLE_ASKED_FOR = /\b(?:for|to|show|with|convince|pitch|an?|the)\s+$/i;
const ROLE_ENDS = /^\s*(?:team\b|[?.!,;:]|$)/i;

/**
 * Detects the facets a question names and returns them with the words left to search for. A role no
 * entry carries is left as words: filtering by it could only empty the answer.
 */
export function detectFacets(
  question: string,
  known: {
    industries: Iterable<string>;
    /** Only these roles are detected (those the workspace's entries carry); omitted, every role. */
    roles?: ReadonlySet<string>;
  },
): DetectedFacets {
  const facets: QuestionFacets = {};
  let rest = ` ${question.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ')} `;

  const named = STAGE_NAMED.exec(rest) ?? STAGE_OF_BUYER.exec(rest);
  if (named) {
    const word = (named[1] ?? named[2] ?? '').toLowerCase();
    facets.stage = STAGE_WORDS[word];
    // "evaluating us": the buyer is evaluating, the words "us"/"our product" carry no subject either.
    rest = cut(rest, named.index, named[0].length);
  }

  const role = findRole(rest);
  if (role && (!known.roles || known.roles.has(role.role))) {
    facets.role = role.role;
    rest = cut(rest, role.start, role.length);
  }

  const industry = findIndustry(rest, known.industries);
  if (industry) {
    facets.industry = industry.industry;
    rest = cut(rest, industry.start, industry.length);
  }

  if (/\bdemos?\b|\bclick[- ]?paths?\b|\bwalk-?throughs?\b/i.test(rest)) facets.demo = true;

  return { facets, rest: tidy(rest) };
}

/** True when the detection found anything a search filters or prefers by. */
export function hasFacets(facets: QuestionFacets): boolean {
  return Boolean(facets.stage || facets.industry || facets.role || facets.demo);
}

// Compiled once, on first use: every question is checked against every alias.
let rolePatterns: Array<{ pattern: RegExp; role: BuyerRole }> | undefined;

function findRole(text: string): { role: BuyerRole; start: number; length: number } | null {
  const lower = text.toLowerCase();
  rolePatterns ??= roleAliases().map(({ alias, role }) => ({
    role,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(alias).replace(/ /g, '[\\s.\\-/]+')}(?![\\p{L}\\p{N}])`,
      'u',
    ),
  }));
  for (const { pattern, role } of rolePatterns) {
    const match = pattern.exec(lower);
    if (!match) continue;
    const before = text.slice(0, match.index);
    if (POSSESSIVE_BEFORE.test(before)) continue;
    const after = text.slice(match.index + match[0].length);
    if (PLAIN_WORD_ROLES.has(role) && !(ROLE_ASKED_FOR.test(before) && ROLE_ENDS.test(after))) continue;
    // "a CFO", "for the CISO": the article goes with the role.
    const article = /\b(?:for |to |with )?(?:an?|the) $/i.exec(before);
    const start = article ? match.index - article[0].length : match.index;
    return { role, start, length: match.index + match[0].length - start };
  }
  return null;
}

// "insurance companies", "biotech accounts", "retail prospects", "heavy civil contractors": the noun after
// an industry says who in it, which the industry already does; left in the question it would be searched
// as a subject.
const WHO_IN_INDUSTRY =
  /^\s+(?:companies|company|accounts|account|firms|customers|prospects|clients|buyers|shops|businesses|brands|chains|operators|providers|carriers|contractors|institutions|agencies|players|organi[sz]ations|orgs|deals|space|sector|vertical|industry)(?![\p{L}\p{N}])/iu;

// Every question is checked against every industry's forms: each form's pattern is compiled once.
const formPatterns = new BoundedMemo<RegExp>(1024);

function formPattern(form: string): RegExp {
  let pattern = formPatterns.get(form);
  if (!pattern) {
    // A one-word name only as written: "hotel" in "a hotel guest" is not the hotels industry.
    const parts = form.split(' ');
    const words = parts.length > 1 ? parts.map(eitherNumber).join(' ') : escapeRegExp(form);
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'u');
    formPatterns.set(form, pattern);
  }
  return pattern;
}

/** A word of an industry's name of several words, singular or plural: "stadium and venue accounts". */
function eitherNumber(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${escapeRegExp(word.slice(0, -3))}(?:ies|y)`;
  if (word.length > 3 && /[^su]s$/.test(word)) return `${escapeRegExp(word.slice(0, -1))}s?`;
  // Named in the singular ("hospital research site"), asked of in the plural ("hospital research sites").
  if (/[^aeiou]y$/.test(word)) return `${escapeRegExp(word.slice(0, -1))}(?:y|ies)`;
  if (word.length > 2 && /\p{L}$/u.test(word) && !/s$/.test(word)) {
    return `${escapeRegExp(word)}${/(?:ch|sh|x|z)$/.test(word) ? '(?:es)?' : 's?'}`;
  }
  return escapeRegExp(word);
}

function findIndustry(
  text: string,
  industries: Iterable<string>,
): { industry: string; start: number; length: number } | null {
  const forms: Array<{ form: string; industry: string }> = [];
  for (const known of industries) {
    const industry = known.trim().toLowerCase();
    if (!industry) continue;
    for (const form of industryForms(industry)) forms.push({ form, industry });
  }
  forms.sort((a, b) => b.form.length - a.form.length);
  const lower = text.toLowerCase();
  for (const { form, industry } of forms) {
    const match = formPattern(form).exec(lower);
    if (!match || inName(text, match.index)) continue;
    const lead = /\b(?:in|for|at|from|with) (?:an? |the |our )?$/i.exec(text.slice(0, match.index));
    const start = lead ? match.index - lead[0].length : match.index;
    const end = match.index + match[0].length;
    const tail = WHO_IN_INDUSTRY.exec(text.slice(end))?.[0].length ?? 0;
    return { industry, start, length: end + tail - start };
  }
  return null;
}

/** "Brightpath Insurance": a capitalised word after a capitalised word is part of a name, not an industry. */
function inName(text: string, index: number): boolean {
  if (!/^\p{Lu}/u.test(text.slice(index))) return false;
  const before = text.slice(0, index).trimEnd();
  const previous = /(\S+)$/.exec(before)?.[1];
  if (!previous) return false;
  const sentenceStart = /(?:^|[.!?:])\s*$/.test(before.slice(0, before.length - previous.length));
  return /^\p{Lu}/u.test(previous) && !sentenceStart;
}

function cut(text: string, start: number, length: number): string {
  return `${text.slice(0, start)} ${text.slice(start + length)}`;
}

/** Spaces and punctuation left where phrases were taken out ("for  at the ?") are tidied away. */
function tidy(text: string): string {
  return text
    .replace(/\s+([,?.!])/g, '$1')
    .replace(
      /\b(?:for|in|at|to|with|from|an?|the)(?:\s+(?:for|in|at|to|with|from|an?|the))*\s*([?.!]|$)/gi,
      '$1',
    )
    .replace(/\s+/g, ' ')
    .replace(/^[\s,]+|[\s,]+$/g, '')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
