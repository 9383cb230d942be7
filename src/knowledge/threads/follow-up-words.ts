/**
 * The words a reply in a thread uses to continue the conversation rather than start a new one. Written
 * from how reps follow up in chat; matched case-insensitively on whole words.
 */

/** Openers that tie a reply to what came before: "and…", "what about…", "same for…". */
export const CONTINUATION_OPENERS: readonly RegExp[] = [
  /^(?:and|but|also|plus|or|only|just|ok(?:ay)?|so|then|now|cool|great|nice|thanks|thank you|thx|hmm+|got it|makes sense|interesting)\b[\s,:;!.-]*/i,
  /^(?:(?:and\s+)?(?:what|how)\s+about|what\s+of|what\s+if|how\s+(?:does|do|is|are)\s+(?:that|this|it|they)\s+(?:look|change|compare))\b[\s,:;-]*/i,
  // "same for Acme" keeps its "for": the reply qualifies the thread's subject.
  /^(?:(?:the\s+)?same\s+(?:question\s+|thing\s+)?|likewise\s+|ditto\s+)(?=(?:for|in|at|with)\b)/i,
  /^(?:is|are|was|were)\s+(?:there|that|it|this)\s+(?:any(?:thing)?\s+)?(?:true|different|similar|the same)?\s*/i,
  /^(?:(?:do|does|did)\s+(?:we|you)\s+have|(?:is|are)\s+there|got|have\s+you\s+got|can\s+you\s+find|show\s+me)\b\s*/i,
];

/** Prepositions that qualify the subject already in the thread: "in healthcare", "for enterprise deals". */
export const QUALIFYING_PREPOSITION =
  /^(?:in|for|at|among|amongst|across|within|inside|from|with|without|during|under|over|below|above|between|after|before|since|by|outside|per|only\s+(?:in|for|at|from))\b/i;

/** Words that point back at the thread's subject: "their pricing", "is that true in EMEA". */
export const ANAPHORS: ReadonlySet<string> = new Set(
  "it its it's they them their theirs they're that those these this there same such".split(' '),
);

/** Asking for more of the same: "any more?", "anything else?", "other examples". */
export const MORE_WORDS: ReadonlySet<string> = new Set(
  'more else other others another additional further extra similar again too still examples example ones one'.split(
    ' ',
  ),
);

/** Time phrases that narrow the thread to recent entries, with the window they mean in days. */
export const RECENCY_PHRASES: ReadonlyArray<{ pattern: RegExp; days: number }> = [
  { pattern: /\b(?:this|last|past|the last|the past)\s+(?:week|7 days)\b/gi, days: 7 },
  {
    pattern: /\b(?:this|last|past|the last|the past)\s+(?:month|30 days|few weeks|couple of weeks)\b/gi,
    days: 30,
  },
  {
    pattern: /\b(?:this|last|past|the last|the past)\s+(?:quarter|90 days|three months|3 months)\b/gi,
    days: 90,
  },
  { pattern: /\b(?:this|last|past|the last|the past)\s+(?:year|12 months|twelve months)\b/gi, days: 365 },
  {
    pattern:
      /\b(?:(?:more\s+|most\s+)?recent(?:ly)?|newer|newest|latest|lately|fresher|freshest|up[- ]to[- ]date|new)\b/gi,
    days: 30,
  },
];
