/**
 * How reps frame a "what are you hearing?" question without saying what it is about, as phrases: many of
 * these words ("word", "news", "latest", "status", "chatter", "know") are content elsewhere, so they
 * are dropped only where they frame ("any word on…", "what's the latest at…"). Written from what reps
 * type in chat; every pattern is matched case-insensitively at the start of what is left of the question.
 */
const WHO =
  "(?:you|you all|you guys|y'?all|we|people|folks|reps|other reps|others|the field|the team|the reps|anyone|anybody|everyone|everybody|customers|buyers|prospects|clients)";
const HEAR =
  '(?:hearing|heard|hear|saying|said|say|seeing|seen|see|asking|asked|ask|talking|discussing|noticing|picking up)';
const ABOUT = '(?:about|on|regarding|re:?|around|concerning|from|of|with|for|in|at)';
const NEWS =
  '(?:word|news|updates?|chatter|intel|info|information|insights?|feedback|thoughts|colou?r|scoop|buzz|gossip|signals?|stories|story|learnings|takeaways|lessons|noise|talk)';

/**
 * Frames at the start of a question. A frame with `subject` wraps the subject instead ("What are NetSuite
 * customers asking about…"): retrieval keeps the wrapped words, the displayed subject keeps the question
 * as written.
 */
export const LEADING_FRAMES: ReadonlyArray<{ pattern: RegExp; subject?: true }> = [
  // Greetings and asides before the question proper.
  {
    pattern:
      /^(?:hey|hi|hello|yo|ok|okay|so|well|oh|um|uh|alright|also|basically|honestly|actually|seriously|real quick|quick question|quick one|quick q|qq|question|earshot|@earshot|please|pls|btw|team|(?:i was |i'm |i am |just )?(?:wondering|curious)|out of curiosity|random (?:question|q)|(?:dumb|silly|stupid) (?:question|q)|sorry to (?:bug|bother) (?:you|y'?all|everyone)|sorry)\b[\s,:;!-]*/i,
  },
  // "what are you hearing about", "what have reps heard from others on", "what are customers saying about"
  {
    pattern: new RegExp(
      `^(?:(?:what|anything|any|how much|how)\\s+(?:are|is|have|has|do|did)|what's|what've)\\s+${WHO}\\s+(?:been\\s+)?${HEAR}(?:\\s+(?:anything|much|lately|recently))?(?:\\s+from\\s+${WHO})?(?:\\s+${ABOUT})?\\b`,
      'i',
    ),
  },
  // "are folks hearing anything about", "has anyone heard about", "did you hear anything on"
  {
    pattern: new RegExp(
      `^(?:are|is|have|has|did|do)\\s+${WHO}\\s+(?:been\\s+)?${HEAR}(?:\\s+(?:anything|much|something|more))?(?:\\s+from\\s+${WHO})?(?:\\s+${ABOUT})?\\b`,
      'i',
    ),
  },
  {
    pattern:
      /^(?:has|have|did)\s+(?:anyone|anybody|someone|somebody|any reps|any of you|you|we)\s+(?:heard|seen|said|mentioned|run into|come across|dealt with|talked about|had)(?:\s+(?:anything|much))?(?:\s+(?:about|on|regarding|re|with))?\b/i,
  },
  // "What are NetSuite customers asking about…", "Are hospitals asking for…", "What do Kubernetes shops ask about"
  {
    pattern: new RegExp(
      `^(?:what's|(?:what|which|are|is|have|has|did|do|does)(?:\\s+(?:are|is|do|does|have|has|did))?)\\s+(.{1,60}?)\\s+(?:been\\s+)?${HEAR}(?:\\s+(?:anything|much|lately|recently))?(?:\\s+${ABOUT})?(?=\\s|$)`,
      'i',
    ),
    subject: true,
  },
  // "any word on", "anything new about", "got any intel on", "is there any news about", "anything from"
  {
    pattern: new RegExp(
      `^(?:any|anything|got any|is there any|is there anything|are there any|do we have any|do we have anything|have we got any)(?:\\s+(?:new|recent|fresh|good|interesting|else|more))?(?:\\s+${NEWS})?\\s+${ABOUT}\\b`,
      'i',
    ),
  },
  // "what's the latest at", "what's the scoop on", "what is the status with"
  {
    pattern:
      /^what(?:'s| is| was)\s+(?:the\s+)?(?:latest|scoop|word|story|deal|lowdown|rundown|buzz|news|status|situation|update|skinny|tea|vibe|read|take|sentiment|feeling|feedback|consensus|verdict)\s+(?:on|with|about|at|regarding|re|around|from|for|in)\b/i,
  },
  // "where are we with", "how are things going with", "how are we doing on": a status asked for
  {
    pattern:
      /^(?:where\s+are\s+we|where\s+do\s+we\s+stand|how\s+are\s+(?:things|we)(?:\s+(?:going|doing|looking))?)\s+(?:with|on|at|in|regarding)\b/i,
  },
  // "what's happening with", "what's going on at", "what's new on", "what's coming out of"
  {
    pattern:
      /^what(?:'s| is| has been| are)\s+(?:happening|going on|new|up|been happening|(?:been\s+)?coming(?:\s+in|\s+through)?)(?:\s+(?:with|at|on|in|about|around|from|out of)\b|(?=\s*[?.!]*$))/i,
  },
  // "give me the lowdown on", "can you give me a rundown of"
  {
    pattern:
      /^(?:(?:can|could) you\s+)?(?:give me|get me|send me|i need|i'd like|i want)\s+(?:the\s+|a\s+|an\s+|some\s+)?(?:lowdown|rundown|scoop|skinny|summary|update|overview|download|recap|brief|briefing|readout|heads[ -]up)\s+(?:on|about|of|for|regarding|re)\b/i,
  },
  {
    pattern:
      /^(?:heads[ -]up on|fill me in on|catch me up on|bring me up to speed on|update me on|brief me on|remind me about|talk to me about|tell me about|tell me what (?:you|we|people|folks) (?:know|heard|hear) about)\b/i,
  },
  // "what do we know about", "what do people think of"
  {
    pattern:
      /^(?:what|how much)\s+do\s+(?:we|you|people|folks|reps|others|customers|buyers)\s+(?:know|have|think|hear|make of|say)(?:\s+(?:about|on|of|regarding|re))?\b/i,
  },
  { pattern: /^(?:where|how)\s+do\s+we\s+stand\s+(?:on|with)\b/i },
  // "how do we stack up against", "how do we compare to": the rival named after is the subject
  { pattern: /^how\s+do\s+we\s+(?:stack up|compare|measure up|fare)\s+(?:against|to|with|versus|vs\.?)\b/i },
  { pattern: /^(?:i'?m\s+|just\s+)?(?:curious|wondering|checking in)\s+(?:about|on|if|whether)\b/i },
  // Spanish, French, German and Portuguese equivalents of "what are we hearing about" / "any news on"
  {
    pattern:
      /^¿?\s*(?:qué|que)\s+(?:se\s+)?(?:dice|dicen|sabemos|opinan|comentan|cuentan|escuchamos|oímos)(?:\s+(?:los|las|nuestros|nuestras)\s+(?:clientes|prospectos|compradores|vendedores))?\s+(?:de|del|sobre|acerca de)\b/i,
  },
  {
    pattern: /^¿?\s*(?:alguna|algo|hay)\s+(?:novedad(?:es)?|noticias?|algo)?\s*(?:de|del|sobre|acerca de)\b/i,
  },
  {
    pattern:
      /^(?:qu'?est-ce qu'?on|que|qu'?)\s*(?:dit|entend|sait)(?:-on)?\s+(?:de|du|des|sur|à propos de)\b/i,
  },
  { pattern: /^(?:quoi de neuf|des nouvelles|du nouveau)\s+(?:sur|de|du|des|côté)\b/i },
  {
    pattern: /^(?:was)\s+(?:hören|wissen|sagen)\s+(?:wir|die kunden|die leute)\s+(?:über|von|zu|zum|zur)\b/i,
  },
  { pattern: /^(?:gibt es)\s+(?:neues|neuigkeiten)\s+(?:über|von|zu|zum|zur|bei)\b/i },
  {
    pattern:
      /^(?:o que)\s+(?:estão|estamos|andam|se)?\s*(?:dizendo|ouvindo|falando|sabemos|diz)\s+(?:sobre|de|do|da|dos|das)\b/i,
  },
  { pattern: /^(?:alguma|algo|há)\s+(?:novidade|novidades|notícia|notícias)?\s*(?:sobre|de|do|da)\b/i },
];

/** Trailing asides: "…lately?", "…from the field", "…are saying?", "thanks". */
export const TRAILING_FILLER: readonly RegExp[] = [
  /[\s,;:-]+(?:lately|recently|these days|nowadays|right now|at the moment|currently|so far|of late|anymore|any more|at all|please|pls|thanks|thank you|thx|again|out there|by any chance)$/i,
  /[\s,;:-]+(?:in|from) (?:the field|others|other reps|reps|customers|buyers|prospects|the team)$/i,
  /[\s,;:-]+(?:(?:you've|we've|people have|folks have|reps have) (?:heard|seen))$/i,
  // "…are we seeing?", "…saying?", "…asking for?"; not "reporting" or "getting", which end real subjects.
  new RegExp(
    `[\\s,;:-]+(?:(?:are|is|do|does|have|has)\\s+${WHO}\\s+)?(?:been\\s+)?(?:hearing|heard|saying|said|seeing|asking|asked|talking)(?:\\s+(?:for|about|of|lately))?$`,
    'i',
  ),
];

/** "How is the Grafana partnership going?": the verb frames a how-question. */
export const HOW_QUESTION = /^how\b/i;
export const HOW_TRAILING =
  /\s+(?:go|going|went|gone|turn out|turning out|look|looking|shaping up|done|handled)$/i;

/**
 * Words that carry no subject wherever they stand in a question: who is asked, the verbs of hearing and
 * saying, time asides. Function words are the analyser's stopwords already.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  `hearing hear heard hears saying say said says seeing asking ask asked asks talking telling tell told
  people folks reps rep others anyone anybody everyone everybody someone somebody yall y'all guys
  customers customer buyers buyer prospects prospect lately recently currently nowadays anything
  something please thanks thx hey hi hello earshot expect expects expecting expected take takes taking
  know knows think thinks usually typically normally generally recent basically honestly actually
  literally seriously`.split(/\s+/),
);

/** Measure-question openers whose second word only asks for a number: "how long", "how much", "how many". */
export const MEASURE_WORDS = /\bhow\s+(?:long|much|many|often|soon)\b/gi;
/** The same, opening the question. */
export const MEASURE_OPENER = new RegExp(`^\\s*${MEASURE_WORDS.source}`, 'i');
