import type { AdaptiveCardInvokeResponse } from 'botbuilder';

import type { RichCard } from './cards/card-elements.ts';

/** A short message shown to the clicker; the card itself stays as it was. */
export function invokeMessage(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as never };
}

/** Replaces the clicked card with `card`. */
export function invokeCard(card: RichCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
}
