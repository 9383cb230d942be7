import type { CardButton, CardElement, InputText } from '../../src/teams/cards/card-elements.ts';

/** The markdown of every top-level TextBlock, in order: what a Teams user reads ('' for other elements). */
export function texts(card: { body: CardElement[] }): string[] {
  return card.body.map((block: CardElement) => (block.type === 'TextBlock' ? block.text : ''));
}

/** Every `[label](target)` link in some Teams markdown, as [label, target] pairs (labels may hold `[n]`). */
export function links(markdown: string): Array<[string, string]> {
  return [...markdown.matchAll(/\[((?:\[\d+\]|[^[\]])*)\]\(([^()\s]*)\)/g)].map((m) => [
    m[1] ?? '',
    m[2] ?? '',
  ]);
}

/** Every TextBlock (a RichTextBlock as its runs' text) of a rich card, depth first (containers, show-cards), and its buttons. */
export function richTexts(card: { body: CardElement[]; actions?: CardButton[] }): string[] {
  const fromButton = (button: CardButton): string[] =>
    button.type === 'Action.ShowCard' ? richTexts(button.card) : [];
  const fromElement = (element: CardElement): string[] => {
    if (element.type === 'TextBlock') return [element.text];
    if (element.type === 'RichTextBlock') return [element.inlines.map((run) => run.text).join('')];
    if (element.type === 'Container') return element.items.flatMap(fromElement);
    if (element.type === 'ActionSet') return element.actions.flatMap(fromButton);
    return [];
  };
  return [...card.body.flatMap(fromElement), ...(card.actions ?? []).flatMap(fromButton)];
}

/** Every button, depth first, show-cards included. */
export function buttons(card: { body: CardElement[]; actions?: CardButton[] }): CardButton[] {
  const fromButton = (button: CardButton): CardButton[] => [
    button,
    ...(button.type === 'Action.ShowCard' ? buttons(button.card) : []),
  ];
  const fromElement = (element: CardElement): CardButton[] => {
    if (element.type === 'Container') return element.items.flatMap(fromElement);
    if (element.type === 'ActionSet') return element.actions.flatMap(fromButton);
    return [];
  };
  return [...card.body.flatMap(fromElement), ...(card.actions ?? []).flatMap(fromButton)];
}

/** Every input, depth first. */
export function inputs(card: { body: CardElement[]; actions?: CardButton[] }): InputText[] {
  const fromElement = (element: CardElement): InputText[] => {
    if (element.type === 'Input.Text') return [element];
    if (element.type === 'Container') return element.items.flatMap(fromElement);
    return [];
  };
  return [
    ...card.body.flatMap(fromElement),
    ...buttons(card).flatMap((button) =>
      button.type === 'Action.ShowCard' ? inputs({ body: button.card.body }) : [],
    ),
  ];
}
