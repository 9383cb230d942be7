/**
 * Whether a question asks for a reference customer or customer proof, and what it asks about. Answers
 * to such questions carry the reference desk's availability for the words left once the asking is
 * taken out ("Which reference can I use for an SAP manufacturer?" → "SAP manufacturer").
 */

/** Words that ask for customer proof; "reference" only when it is not documentation or design. */
const ASKS_FOR_PROOF: RegExp[] = [
  /\breferenceable\b/i,
  /\b(?:customer|client)\s+(?:proof|references?|stor(?:y|ies)|evidence|calls?)\b/i,
  /\bcase[-\s]stud(?:y|ies)\b/i,
  /\bsuccess\s+stor(?:y|ies)\b/i,
  /\btestimonials?\b/i,
  /\bproof\s+points?\b/i,
  /\b(?:some(?:one|body)|any(?:one|body)|a\s+customer|customers?)\s+(?:\w+\s+){0,2}(?:can|could)\s+(?:call|ring|talk\s+to|speak\s+(?:to|with)|point|refer|send|connect)\b/i,
  /\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a|an|one\s+of\s+our|another|existing|happy|current)\s+(?:\w+\s+)?customers?\b/i,
  /\b(?:customers?|clients?)\s+(?:\w+\s+){0,3}(?:i|we)\s+(?:can|could)\s+(?:point|refer|send|connect|introduce)\b/i,
];

const REFERENCE_WORD = /\breferences?\b/gi;

/** "reference" in these senses asks for documentation, design or lookup, not a customer. */
const NOT_A_CUSTOMER: RegExp[] = [
  /\breferences?\s+(?:architectures?|designs?|implementations?|guides?|docs?|documentation|manuals?|models?|numbers?|ids?|data|pages?|sheets?|cards?|materials?|links?|sections?|points?|frames?|tables?|letters?|checks?|values?|counts?)\b/i,
  /\b(?:api|sdk|cli|code|command|syntax|developer|quick|technical|function|class|type|library|language|style|field|schema|object|null|cross|circular|frame\s+of)[-\s]references?\b/i,
  /\b(?:for|as\s+a|just\s+for|future)\s+reference\b/i,
  /\breferences?\s+(?:to|in)\s+(?:the|our|this|that|a|an)?\s*(?:docs?|documentation|code|spec|contract|clause|section|rfp|email|thread|slide|deck)\b/i,
];

/** Asking and filler words left out of the criteria, so they match no reference's industry or product. */
const NOT_CRITERIA = new Set(
  `reference references referenceable customer customers client clients proof proofs point points case study studies
  story stories success testimonial testimonials evidence call calls talk speak chat someone somebody anyone anybody
  can could would should may might use using used i we me my our us you your a an the for to in on of at with from
  by about into who whom which what whats any some is are was were be been there have has had do does did good great
  happy best strong existing current another one show give send find get need needs want wants looking look please
  share connect introduce refer ring available right now that this these those it its they them their like such
  as so if or and but know recommend suggest name list`.split(/\s+/),
);

/** The criteria a references question asks about (may be empty: "any references?"), or null when it asks for none. */
export function referenceCriteria(question: string): string | null {
  if (!asksForReferences(question)) return null;
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}&+.'-]*/gu) ?? [];
  return words
    .map((word) => word.replace(/[.'-]+$/, ''))
    .filter((word) => word && !NOT_CRITERIA.has(word.toLowerCase()))
    .join(' ');
}

function asksForReferences(question: string): boolean {
  if (ASKS_FOR_PROOF.some((pattern) => pattern.test(question))) return true;
  // "reference" asks for a customer unless every use of it is in a documentation or design sense.
  const mentions = question.match(REFERENCE_WORD)?.length ?? 0;
  if (mentions === 0) return false;
  const other = NOT_A_CUSTOMER.reduce(
    (count, pattern) => count + (question.match(new RegExp(pattern.source, 'gi'))?.length ?? 0),
    0,
  );
  return other < mentions;
}
