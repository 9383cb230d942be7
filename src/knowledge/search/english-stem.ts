import { stem } from 'porter2';

// Porter2 (Snowball English) keeps inflections together but leaves some derivations of one word apart.
// Each pair joins the second word's stem to the first's, so every inflection of either meets on one term.
// Chosen for how reps talk; pairs whose words mean different things in sales are deliberately absent
// (solve/solution, apply/application, pay/payment, sign/signature, refer/referral, use/usage).
const DERIVATIONS = [
  ['decide', 'decision'],
  ['expand', 'expansion'],
  ['extend', 'extension'],
  ['compete', 'competition'],
  ['compete', 'competitor'],
  ['analyze', 'analysis'],
  ['analyze', 'analyse'],
  ['subscribe', 'subscription'],
  ['reduce', 'reduction'],
  ['introduce', 'introduction'],
  ['consume', 'consumption'],
  ['resolve', 'resolution'],
  ['verify', 'verification'],
  ['notify', 'notification'],
  ['certify', 'certification'],
  ['qualify', 'qualification'],
  ['justify', 'justification'],
  ['submit', 'submission'],
  ['maintain', 'maintenance'],
  ['explain', 'explanation'],
  ['retain', 'retention'],
  ['attend', 'attendee'],
  ['comply', 'compliance'],
  ['comply', 'compliant'],
  ['automate', 'automatic'],
  ['finance', 'financial'],
  ['contract', 'contractual'],
  // Countries and their adjectives ("Canadian hosting" answers "hosting in Canada"). Those whose
  // adjective also names a language (French, German, Spanish, Dutch) are thesaurus groups instead.
  ['canada', 'canadian'],
  ['mexico', 'mexican'],
  ['brazil', 'brazilian'],
  ['australia', 'australian'],
  ['india', 'indian'],
  ['ireland', 'irish'],
  ['italy', 'italian'],
  ['britain', 'british'],
  // British spellings
  ['license', 'licence'],
  ['catalog', 'catalogue'],
  ['program', 'programme'],
  ['center', 'centre'],
];

// Shorthand reps type for a whole word ("engine hrs", "mgmt", "3 yrs"): each is that word. Left out
// where the short form means several things (min, mo, req, prod, temp, tech).
const SHORTHAND = new Map<string, string>([
  ['hr', 'hour'],
  ['hrs', 'hours'],
  ['mins', 'minutes'],
  ['secs', 'seconds'],
  ['wk', 'week'],
  ['wks', 'weeks'],
  ['mth', 'month'],
  ['mths', 'months'],
  ['qtr', 'quarter'],
  ['qtrs', 'quarters'],
  ['yr', 'year'],
  ['yrs', 'years'],
  ['approx', 'approximately'],
  ['mgmt', 'management'],
  ['mgr', 'manager'],
  ['mgrs', 'managers'],
  ['dept', 'department'],
  ['depts', 'departments'],
  ['info', 'information'],
  ['config', 'configuration'],
  ['configs', 'configurations'],
  ['doc', 'document'],
  ['docs', 'documents'],
  ['acct', 'account'],
  ['accts', 'accounts'],
  ['mtg', 'meeting'],
  ['mtgs', 'meetings'],
  ['msg', 'message'],
  ['msgs', 'messages'],
  ['govt', 'government'],
  ['intl', 'international'],
  ['amt', 'amount'],
  ['avg', 'average'],
  ['pct', 'percent'],
  ['ppl', 'people'],
  ['biz', 'business'],
]);

// British -ise verbs: Porter2 strips -ize but not -ise.
const BRITISH_ISE = `analyse apologise authorise capitalise categorise centralise criticise customise digitise
  finalise initialise localise maximise minimise modernise monetise optimise organise personalise prioritise
  realise recognise specialise standardise summarise synchronise utilise visualise`;

// Words whose Porter2 stem would join a different word: customer/custom(ize), integrity/integration,
// competent/competitor, security/secured (reps "secure budget" far more often than they mean security).
const WORD_TERMS = new Map<string, string>([
  ['customer', 'customer'],
  ['customers', 'customer'],
  ['integrity', 'integrity'],
  ['competent', 'competent'],
  ['competence', 'competent'],
  ['competency', 'competent'],
  ['competencies', 'competent'],
  ['security', 'security'],
  ['securities', 'security'],
  ['onprem', 'onprem'],
  ['onpremise', 'onprem'],
  ['onpremises', 'onprem'],
]);

// Names that end in s without being plurals: Porter2 would cut them (AWS → aw, SaaS → saa).
const KEEP_AS_IS = new Set(
  'aws saas paas iaas ios macos ats pos sms dns cms lms nps gps kms news'.split(' '),
);
// Short words ending in s that are not plurals either; others of up to six letters lose a final s Porter2
// keeps, so acronym plurals meet their singular: APIs, CFOs, SLAs, RFPs, QBRs, mRNAs.
const NOT_PLURAL = new Set(
  'this his has was yes its plus thus bus lens gas bias atlas chaos canvas alias'.split(' '),
);
const MAX_ACRONYM_PLURAL = 6;

for (const name of KEEP_AS_IS) WORD_TERMS.set(name, name);

/** Every word the stemmer treats apart from Porter2: what a saved index's fingerprint must cover. */
export const STEM_EXCEPTIONS: readonly string[] = [
  ...DERIVATIONS.map((pair) => pair.join('>')),
  ...BRITISH_ISE.split(/\s+/).filter((word) => word !== ''),
  ...[...WORD_TERMS].map(([word, term]) => `${word}=${term}`),
  ...[...SHORTHAND].map(([short, word]) => `${short}:${word}`),
  ...NOT_PLURAL,
];

const STEM_FAMILIES = new Map<string, string>();
for (const [word, derived] of DERIVATIONS) STEM_FAMILIES.set(stem(derived as string), stem(word as string));
for (const british of BRITISH_ISE.split(/\s+/)) {
  if (british === '') continue;
  const american = stem(british.replace(/ise$/, 'ize'));
  STEM_FAMILIES.set(stem(british), STEM_FAMILIES.get(american) ?? american);
}

/** The English term of a lowercase ASCII word: Porter2, acronym plurals, and derivations joined. */
export function englishStem(word: string): string {
  const full = SHORTHAND.get(word);
  if (full !== undefined) return englishStem(full);
  const fixed = WORD_TERMS.get(word);
  if (fixed !== undefined) return fixed;
  let stemmed = stem(word);
  if (
    stemmed === word &&
    word.length <= MAX_ACRONYM_PLURAL &&
    word.length > 2 &&
    word.endsWith('s') &&
    !word.endsWith('ss') &&
    !word.endsWith('us') &&
    !NOT_PLURAL.has(word)
  ) {
    stemmed = word.slice(0, -1);
  }
  return STEM_FAMILIES.get(stemmed) ?? stemmed;
}
