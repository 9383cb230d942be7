import type { EntryKind } from '../entry.ts';

export type MessageClass = Extract<EntryKind, 'tip' | 'chatter'> | 'noise';

const MIN_WORDS = 7;
const CHIT_CHAT =
  /^(thanks?|thank you|thx|ty|lol|haha|nice|great|cool|ok(ay)?|yes|no|yep|nope|\+1|congrats|welcome|hi|hello|hey|morning|gm|good (morning|night)|see you)\b/i;
const TIP_CUES =
  /\b(pro tip|tip:|tip for|try (this|asking|leading|opening)|what worked|works (well|every time)|lead with|make sure|always (ask|bring|send|show)|never (discount|promise)|best way|i recommend|recommend(ed)? (asking|using|sending)|ask them|ask the|open with|playbook|objection handling|when they say)\b/i;
const FIELD_CUES =
  /\b(customer|client|prospect|buyer|cfo|cio|ciso|cto|vp|champion|procurement|legal|competitor|competition|pricing|price|budget|renewal|churn|rfp|security review|pushback|pushed back|objection|evaluating|shortlist|pilot|poc|contract|discount|deal|quote|switch(ing)?|said|told (me|us)|heard|mentioned|asked (us|me|about|for)|they want|they need)\b/i;

/**
 * Sorts a human message from a watched channel into a seller tip, field intel (chatter) or noise, by
 * plain rules: short chit-chat and messages without sales substance are dropped. A chat model, when
 * configured, may replace this; the rules stay the fallback.
 */
export function classifyMessage(text: string): MessageClass {
  const plain = text.replace(/<[^>]+>/g, ' ').replace(/:[a-z0-9_+-]+:/g, ' ');
  const words = plain.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length < MIN_WORDS || CHIT_CHAT.test(plain.trim())) return 'noise';
  if (TIP_CUES.test(plain)) return 'tip';
  if (FIELD_CUES.test(plain)) return 'chatter';
  return 'noise';
}
