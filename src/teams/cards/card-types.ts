/** The slice of the Adaptive Card 1.5 schema Earshot renders; plain JSON, ready for an attachment. */

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Teams refuses a message over about 28 KB, card included. Cards are kept to this many bytes of JSON,
 * which leaves room for the rest of the activity.
 */
export const MAX_CARD_BYTES = 24_000;

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Default' | 'Bolder';
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  isSubtle?: boolean;
  separator?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
}

/** The card as a Bot Framework attachment; the same shape `CardFactory.adaptiveCard` returns. */
export function cardAttachment<Card extends { type: 'AdaptiveCard'; version: string }>(
  card: Card,
): { contentType: string; content: Card } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** The card's size as Teams counts it: UTF-8 bytes of its JSON. */
export function cardBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
