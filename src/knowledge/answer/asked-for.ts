import { analyze } from '../search/analyzer.ts';

/**
 * What kind of fact a question asks for, when it asks for one: "How long does a rollout take?" wants a
 * duration, "What discount did they get?" an amount, "Which competitors come up?" a name.
 */
export type AskedFor =
  | 'duration'
  | 'price'
  | 'pricing'
  | 'amount'
  | 'percent'
  | 'count'
  | 'date'
  | 'name'
  | 'reason'
  | 'outcome';

/** "How do we price API access?", "how is the add-in priced?": answered by what it is priced on, not only a figure. */
const HOW_PRICED =
  /\bhow (?:do|does|did|should|would) (?:we|you|they|\w+) price\b|\bhow (?:is|are|was|were) (?:[\w&'-]+ ){1,4}priced\b/i;

const ASKS: Array<[AskedFor, RegExp]> = [
  [
    'duration',
    /\bhow (?:long|soon|quickly|fast)\b|\btime ?(?:line|frame|to value)s?\b|\bturnaround\b|\blead time\b|\bcu[aá]nto (?:tiempo|tarda|dura)|\bcombien de temps\b|\bwie lange?\b|\bquanto (?:tempo|demora|dura)/i,
  ],
  [
    'percent',
    /\bwhat (?:percent(?:age)?|share|fraction|proportion|rate)\b|\b[a-z]+ rates?\b|%|\bpercent(?:age)?\b|\bporcentaje\b|\bpourcentage\b|\bprozent/i,
  ],
  [
    'amount',
    // A request for the figure, not the topic: "what discount did they get?", "how much is it?", but not
    // "any pushback on pricing?" or "what are you hearing about discounts?".
    new RegExp(
      [
        String.raw`\bhow much\b`,
        String.raw`\bwhat(?:'s|’s| is| are| was| were)? (?:the |their |our |its |a |an )?(?:[\w-]+ )?(?:list )?(?:price|pricing|cost|fee|discount|budget|quote|acv|arr|deal size)s?\b(?! (?:objections?|pushback|concerns?|questions?|model|page|changes?))`,
        String.raw`\b(?:does|do|did|would|will) (?:the |a |an |our |their )?(?:it|they|that|this|[\w&'-]+(?: [\w&'-]+)?) cost\b|\bcosts? (?:of|to)\b|\bprice (?:of|for|per)\b`,
        // "what did Absorb quote them?", "what did Arcadia pay for its contract?", "how do we price API access?", "how is the add-in priced?",
        // "what does Clausewise charge?"
        String.raw`\bwhat (?:did|does|do|would|will) (?:[\w&'-]+ ){1,4}(?:quote|bid|pay)\b|${HOW_PRICED.source}|\bwhat (?:do|does|did|would|will) (?:[\w&'-]+ ){1,4}charge\b`,
        // "what's their contract worth?", "how much was the deal worth?"
        String.raw`\b(?:what(?:'s|’s| is| was| were| are)|how much (?:is|was|are|were))\b[^?.!]{0,60}\bworth\b|\bcu[aá]nto vale\b|\bcombien vaut\b|\bwie ?viel (?:ist|war)\b[^?.!]{0,60}\bwert\b|\bquanto vale\b`,
        String.raw`\bcu[aá]nto (?:cuesta|cobra)|\bqu[eé] precio\b|\bprecio de\b|\bcombien co[uû]te|\bquel (?:est le )?prix\b|\bprix (?:de|du|par)\b|\bwie ?viel kostet|\bwas kostet|\bwelche[rn]? preis|\bpreis (?:f[uü]r|pro)\b|\bquanto custa|\bqual (?:é )?o pre[cç]o|\bpre[cç]o (?:de|do|por)\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'count',
    /\bhow many\b|\bhow often\b|\bnumber of\b|\bcu[aá]nt[oa]s\b|\bcombien de\b|\bwie ?viele\b|\bquant[oa]s\b/i,
  ],
  [
    'reason',
    /^\s*why\b|\bwhat(?:'s|’s| is| are)? (?:the )?(?:main |top |biggest )?reasons?\b|^[\s¿]*(?:por ?qu[eé]|pourquoi|warum|por ?que)(?=[\s?,.!]|$)/i,
  ],
  [
    'outcome',
    // "What did Lumora end up doing?", "did Maison Verlaine go with us or Gorgias?": how a decision came out.
    /\bend(?:ed|s)? up (?:choosing|doing|going|picking|buying|signing|selecting|with)\b|\bdid [^?]{1,40}\bgo with\b|\bwho did [^?]{1,40}\b(?:choose|pick|select|go with|sign with|buy from)\b|\bwhat did [^?]{1,40}\b(?:choose|pick|select|decide)\b/i,
  ],
  ['date', /^\s*when\b|\bwhat date\b|\bby when\b|^[\s¿]*(?:cu[aá]ndo|quand|wann|quando)\b/i],
  [
    'name',
    /^\s*(?:who|whom|whose|which)\b|\bwhich (?:\w+ )?(?:competitors?|vendors?|compan(?:y|ies)|accounts?|customers?|tools?|banks?|partners?|systems?|erps?)\b|\bwhat (?:competitors?|vendors?|compan(?:y|ies)|accounts?|customers?|tools?|banks?|partners?|erps?)\b|^[\s¿]*(?:qui[eé]n(?:es)?|qui|wer|welche[rsmn]?|quem|qual|quais|cu[aá]l(?:es)?)\b/i,
  ],
];

/** Words that make an amount asked for money: "How much does it cost?", not "How much storage?". */
const MONEY =
  /\b(?:costs?|price[ds]?|pricing|charged?|charges|fees?|quoted?|quotes|bids?|pay|paid|discounts?|budgets?|acv|arr|worth|cuesta|cobra|vale|vaut|wert|precios?|descuentos?|prix|co[uû]te|remise|kostet|preis|rabatt|custa|pre[cç]os?|descontos?)\b/i;

/** The kinds of fact a question asks for, most specific first; empty when it asks for none in particular. */
export function askedFor(question: string): AskedFor[] {
  const kinds = ASKS.filter(([, pattern]) => pattern.test(question))
    .map(([kind]) => kind)
    // "Why did we lose Quillon?" is answered by the story of that deal, however it is told; "Why do
    // customers cancel?" by entries that give reasons.
    .filter((kind) => kind !== 'reason' || !hasName(question));
  // Money asked for is answered by money only: a count of seats or a term in years prices nothing.
  const howPriced = HOW_PRICED.test(question);
  if (!howPriced && !MONEY.test(question)) return kinds;
  return kinds.map((kind) => (kind === 'amount' ? (howPriced ? 'pricing' : 'price') : kind));
}

/** Whether the question asks for money: a figure, or how something is priced. */
export function asksMoney(kinds: readonly AskedFor[]): boolean {
  return kinds.includes('price') || kinds.includes('pricing');
}

const UNIT =
  '(?:minutes?|mins?|hours?|hrs?|days?|business days|weeks?|wks?|months?|mos?|quarters?|years?|yrs?|sprints?|d[ií]as?|semanas?|meses|mes|a[nñ]os?|jours?|semaines?|mois|ans?|ann[eé]es?|tage?n?|wochen?|monate?n?|jahren?|dias?|anos?)';
const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a few|a couple(?: of)?|several|a|an|\\d+(?:[.,]\\d+)?(?:\\s*(?:-|–|to)\\s*\\d+(?:[.,]\\d+)?)?)';
const MONEY_STATED =
  /[$€£¥]\s?\d|\d\s?[€£¥]|\b\d+(?:[.,]\d+)?\s?(?:k|m|mm|bn|usd|eur|gbp|dollars|euros?|pounds)\b|\d\s?%/i;
/** What a price is charged on, without a figure: answers how something is priced, not how much it costs. */
const PRICING_BASIS =
  /\bper (?:seat|user|month|year|invoice|transaction)\b|\/(?:yr|year|mo|month|seat|user|invoice)\b/i;
/** How many times as much: answers "how much more likely / faster…?" as an amount does. */
const MULTIPLE_STATED =
  /\b\d+(?:[.,]\d+)?\s?(?:x|×|times)(?!\p{L})|\b(?:twice|double|triple|half) (?:as|the)\b/iu;
const HAS: Record<AskedFor, RegExp> = {
  duration: new RegExp(
    `\\b${NUMBER_WORD}[\\s-]+(?:more |extra |full |calendar |working |business )?${UNIT}\\b|\\b(?:overnight|same[- ]day|next[- ]day)\\b`,
    'i',
  ),
  percent: /\d\s?%|\b\d+(?:[.,]\d+)?\s*(?:percent|per cent|por ciento|pour ?cent|prozent)\b/i,
  price: MONEY_STATED,
  pricing: new RegExp(`${MONEY_STATED.source}|${PRICING_BASIS.source}`, 'i'),
  amount: new RegExp(`${MONEY_STATED.source}|${MULTIPLE_STATED.source}`, 'iu'),
  count:
    /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|half|most|few|several)\b/i,
  date: /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|q[1-4]|h[12]|20\d\d|fy\d\d)\b|\b\d{1,2}\/\d{1,2}\b|\b(?:next|this|last|end of(?: the)?) (?:week|month|quarter|year|fiscal year)\b|(?<!\p{L})(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|januar|februar|m[äa]rz|juni|juli|oktober|dezember|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro)(?!\p{L})/iu,
  name: /./, // answered by hasName
  outcome:
    /\b(?:signed|chose|chosen|picked|selected|went with|going with|goes with|lost|won|closed|awarded|renewed|churned|cancell?ed|walked away|decided|switched|stayed with|bought|purchased|standardi[sz]ed on|went live)\b|(?<!\p{L})(?:firm[oó]|eligi[oó]|escogi[oó]|opt[oó]|perdimos|ganamos|a choisi|a sign[ée]|a opt[ée]|est parti|hat sich f[üu]r|unterschrieben|gewonnen|verloren|escolheu|assinou|optou|fechou|perdemos|ganhamos)(?!\p{L})/iu,
  reason:
    /\b(?:because|why|reasons?|due to|driven by|drivers?|caus(?:e|es|ed)|citing|cited|led to|blamed?)\b|\b(?:porque|debido a|raz[oó]n|parce que|[àa] cause|raison|weil|wegen|grund|motivo|devido)\b/i,
};

/** Words that start with a capital anywhere without naming anyone. */
const NOT_NAMES = new Set(['I', 'I’m', "I'm", 'I’ve', "I've", 'I’d', "I'd", 'I’ll', "I'll", 'OK', 'Ok']);

/** Kinds a bare number half answers; not a price, which only money answers. */
const HALF_HELD_BY_A_NUMBER: ReadonlySet<AskedFor> = new Set(['duration', 'amount', 'percent', 'date']);

/**
 * How well a text holds the asked-for fact: 1 exactly, 0.5 a number where a duration or an amount other
 * than money was asked, 0 not.
 */
export function holdsAskedFor(text: string, kinds: AskedFor[]): number {
  let best = 0;
  const quantity = hasQuantity(text);
  for (const kind of kinds) {
    if (kind === 'count' && quantity) return 1;
    if (kind === 'name' ? hasName(text) : HAS[kind].test(text)) return 1;
    if (HALF_HELD_BY_A_NUMBER.has(kind) && quantity) best = 0.5;
  }
  return best;
}

/**
 * Numbers that are part of a name ("Windows 7", "Server 2008 R2", "ISO 27001", "CIP-007") or a year
 * count nothing: "How much does the legacy agent cost?" is not answered by "covers Windows 7". A word
 * that hedges a number opens a sentence as a capital too ("About 40 customers…"): that number counts.
 */
const NAMED_NUMBER =
  /\b(?!(?:About|Around|Approximately|Roughly|Nearly|Almost|Over|Under|Only|Just|Some|Exactly|Maybe|Perhaps|Another|Each|Every|All|Most)\b)\p{Lu}[\p{L}&]*[\s-]?\d+(?:\.\d+)*\b|\b(?:19|20)\d\d\b/gu;

/** The text states some quantity: a digit outside names and years. */
function hasQuantity(text: string): boolean {
  return /\d/.test(text.replace(NAMED_NUMBER, ' '));
}

/** A capitalized word that is not the first of the sentence, or an acronym: "Ledgerline", "SAP". */
function hasName(text: string): boolean {
  const words = text.split(/\s+/);
  return words.some((word, index) => {
    const bare = word.replace(/^["'“‘([]+|[.,;:!?"'”’)\]]+$/g, '');
    if (NOT_NAMES.has(bare) || bare.length < 2) return false;
    if (/^\p{Lu}{2,}\d*$/u.test(bare)) return true;
    const sentenceStart = index === 0 || /[.!?:]["'”’)\]]*$/.test(words[index - 1] ?? '');
    return !sentenceStart && /^\p{Lu}\p{Ll}/u.test(bare);
  });
}

/**
 * The word the asked-for fact is about, when the question names it: "how many hosts", "what discount
 * did…", "the renewal date", "what's the PEPM for…". An entry that states some number without that word
 * ("6 people" for "how many hosts") does not answer.
 */
const ABOUT: RegExp[] = [
  /\bhow many\s+([a-z][\w-]*)/i,
  /\b(?:what|which)\s+(?:kind of\s+|sort of\s+)?(?:[a-z][\w-]*\s+)?([a-z][\w-]*)\s+(?:do|does|did|is|are|was|were|have|has|had|can|will|would)\b/i,
  /\bwhat(?:'s|’s| is| are| was)\s+(?:the|our|their|his|her)\s+([a-z][\w-]*)\s+(?:for|of|on|at|in|with|to)\b/i,
  /\b([a-z][\w-]*)\s+(?:date|deadline)s?\b/i,
  // "what does the wearables integration cost?": the first word of what is priced, the one telling it apart.
  /\b(?:does|do|did|would|will)\s+(?:the\s+|a\s+|an\s+|our\s+|their\s+)?(?!(?:it|they|that|this|these|those|we|you)\s)([a-z][\w-]*)(?:\s+[a-z][\w-]*)?\s+cost\b/i,
];

/**
 * Words that name the figure itself rather than what it is of: "what deflection rate did Driftwire hit?"
 * is answered by "41%", which says no "rate".
 */
const FIGURE_WORDS = new Set([
  'rate',
  'rates',
  'percent',
  'percentage',
  'share',
  'number',
  'amount',
  'price',
  'prices',
  'pricing',
  'cost',
  'costs',
  'figure',
  'total',
  'ratio',
  'level',
  'fee',
  'fees',
]);

/** FIGURE_WORDS and the verbs of money as the analyzer gives them: how a fact is asked, not what it is of. */
const FIGURE_TERMS = new Set(
  analyze([...FIGURE_WORDS, 'pay', 'paid', 'charge', 'charged', 'quote', 'quoted', 'bid'].join(' '), 'en'),
);

/** Whether an analyzed term names a figure or how money is asked for ("cost", "pay"), not what it is of. */
export function isFigureTerm(term: string): boolean {
  return FIGURE_TERMS.has(term);
}

export function askedAbout(question: string): string | null {
  for (const pattern of ABOUT) {
    const match = pattern.exec(question);
    if (match?.[1]) return FIGURE_WORDS.has(match[1].toLowerCase()) ? null : match[1];
  }
  return null;
}
