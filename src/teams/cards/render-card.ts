import { clip } from '../../views/clip.ts';
import { fitView } from '../../views/fit-view.ts';
import type {
  FormField,
  FormView,
  MessageView,
  ViewBlock,
  ViewButton,
  ViewItem,
} from '../../views/view-model.ts';
import type { ActionData, CardButton, CardElement, ExecuteButton, RichCard } from './card-elements.ts';
import { paragraph, richCard } from './card-elements.ts';
import { cardBytes, MAX_CARD_BYTES } from './card-types.ts';
import { markdownLine } from './render-markdown-line.ts';

const MAX_FALLBACK = 300;

/**
 * A view as an Adaptive Card within Teams' size limit (cut by the one policy in fit-view.ts). Buttons
 * at the end of the view become the card's own actions; others stay where they are in the body.
 */
export function renderTeamsCard(view: MessageView): RichCard {
  const fitted = fitView(view, (candidate) => cardBytes(buildCard(candidate)) <= MAX_CARD_BYTES);
  return buildCard(fitted);
}

function buildCard(view: MessageView): RichCard {
  const last = view.blocks.at(-1);
  const trailing = last?.type === 'buttons' ? last : null;
  const body = trailing ? view.blocks.slice(0, -1) : view.blocks;
  return scopeRepeatedInputs(
    richCard({
      fallbackText: clip(view.fallback, MAX_FALLBACK),
      body: renderBody(body),
      actions: trailing ? trailing.buttons.map(cardButton) : [],
    }),
  );
}

function renderBody(blocks: ViewBlock[]): CardElement[] {
  const elements: CardElement[] = [];
  let separate = false;
  for (const block of blocks) {
    if (block.type === 'divider') {
      separate = true;
      continue;
    }
    const rendered = renderBlock(block);
    const [first] = rendered;
    if (
      separate &&
      first &&
      first.type !== 'Input.Text' &&
      first.type !== 'Input.ChoiceSet' &&
      first.type !== 'Input.Date'
    ) {
      Object.assign(first, { separator: true, spacing: 'Medium' });
    }
    separate = false;
    elements.push(...rendered);
  }
  return elements;
}

function renderBlock(block: Exclude<ViewBlock, { type: 'divider' }>): CardElement[] {
  switch (block.type) {
    case 'heading':
      return [paragraph(`**${markdownLine([block.text]).replace(/\*/g, '＊')}**`, { size: 'Medium' })];
    case 'text':
      return block.lines.map((line) => paragraph(markdownLine(line), block.subtle ? small : {}));
    case 'list':
      return block.items.map((item) => listItem(item, block.bullets ?? false, block.subtle ?? false));
    case 'facts':
      return [
        {
          type: 'FactSet',
          facts: block.facts.map((fact) => ({
            title: clip(fact.label, 100),
            value: markdownLine(fact.value),
          })),
        },
      ];
    case 'buttons':
      return [{ type: 'ActionSet', actions: block.buttons.map(cardButton) }];
  }
}

const small = { isSubtle: true, size: 'Small' } as const;

function listItem(item: ViewItem, bullets: boolean, subtle: boolean): CardElement {
  const first = `${bullets ? '• ' : ''}${markdownLine(item.line)}`.trimEnd();
  const under = [...(item.detail ? [item.detail] : []), ...(item.details ?? [])].map(markdownLine);
  const text = paragraph([first, ...under].join('\n\n'), subtle ? { size: 'Small' } : {});
  const buttons = [...(item.button ? [item.button] : []), ...(item.buttons ?? [])];
  if (buttons.length === 0) return item.id ? { type: 'Container', id: item.id, items: [text] } : text;
  return {
    type: 'Container',
    ...(item.id ? { id: item.id } : {}),
    items: [text, { type: 'ActionSet', actions: buttons.map(cardButton) }],
  };
}

/** A button sends its action as the `Action.Execute` verb and its payload as `data`; a form opens inline. */
export function cardButton(button: ViewButton): CardButton {
  if (button.form) {
    return {
      type: 'Action.ShowCard',
      title: button.label,
      card: {
        type: 'AdaptiveCard',
        body: formBody(button.form),
        actions: [formSubmit(button.form)],
      },
    };
  }
  const execute = executeButton(button.label, button.action, button.payload, button.style);
  if (!button.confirm) return execute;
  // Adaptive Cards have no confirm dialog: the question and the real button open on the click.
  return {
    type: 'Action.ShowCard',
    title: button.label,
    card: {
      type: 'AdaptiveCard',
      body: [paragraph(markdownLine([{ text: button.confirm.title, bold: true }, ' ', button.confirm.text]))],
      actions: [{ ...execute, title: button.confirm.confirm }],
    },
  };
}

function executeButton(
  title: string,
  verb: string,
  data: ActionData,
  style?: ViewButton['style'],
): ExecuteButton {
  const teamsStyle = style === 'primary' ? 'positive' : style === 'danger' ? 'destructive' : undefined;
  return { type: 'Action.Execute', title, verb, data, ...(teamsStyle ? { style: teamsStyle } : {}) };
}

/**
 * A form as a card of its own, submitted with `Action.Execute`. In a task module (a dialog, such as a
 * message action's) the dialog shows the title and the form submits with `Action.Submit`.
 */
export function renderTeamsForm(form: FormView, options: { inTaskModule?: boolean } = {}): RichCard {
  const heading = paragraph(`**${markdownLine([form.title])}**`, { size: 'Medium' });
  const submit: CardButton = options.inTaskModule
    ? { type: 'Action.Submit', title: form.submitLabel, data: form.payload }
    : formSubmit(form);
  return richCard({
    fallbackText: form.title,
    body: [...(options.inTaskModule ? [] : [heading]), ...formBody(form)],
    // A form without fields only tells something: nothing to submit.
    actions: form.fields.length > 0 ? [submit] : [],
  });
}

function formSubmit(form: FormView): ExecuteButton {
  return executeButton(form.submitLabel, form.action, form.payload, 'primary');
}

function formBody(form: FormView): CardElement[] {
  return [
    ...(form.intro ?? []).map((line) => paragraph(markdownLine(line), small)),
    ...form.fields.map(input),
  ];
}

const INPUT_SCOPE = '@';

/**
 * Input ids must be unique on a card, and one card may carry the same form for several items (Edit on
 * each queued entry of the home card). Where ids repeat, each inline form's inputs are scoped by the
 * form's place on the card (`title@3`), and `unscopeCardInputs` takes the scope off what comes back.
 */
function scopeRepeatedInputs(card: RichCard): RichCard {
  const ids = new Map<string, number>();
  walkInputs(card, (element) => ids.set(element.id, (ids.get(element.id) ?? 0) + 1));
  if (![...ids.values()].some((count) => count > 1)) return card;
  const scoped = structuredClone(card);
  let form = 0;
  walkShowCards(scoped, (shown) => {
    form += 1;
    for (const element of shown.body) {
      if (isInput(element) && (ids.get(element.id) ?? 0) > 1)
        element.id = `${element.id}${INPUT_SCOPE}${form}`;
    }
  });
  return scoped;
}

type InputElement = Extract<CardElement, { type: 'Input.Text' | 'Input.ChoiceSet' | 'Input.Date' }>;

function isInput(element: CardElement): element is InputElement {
  return element.type === 'Input.Text' || element.type === 'Input.ChoiceSet' || element.type === 'Input.Date';
}

type ShowCard = Extract<CardButton, { type: 'Action.ShowCard' }>['card'];

function walkShowCards(
  card: { body: CardElement[]; actions: CardButton[] },
  visit: (form: ShowCard) => void,
) {
  const button = (action: CardButton) => {
    if (action.type !== 'Action.ShowCard') return;
    visit(action.card);
    walkShowCards(action.card, visit);
  };
  const element = (item: CardElement): void => {
    if (item.type === 'ActionSet') item.actions.forEach(button);
    if (item.type === 'Container') item.items.forEach(element);
  };
  card.body.forEach(element);
  card.actions.forEach(button);
}

function walkInputs(
  card: { body: CardElement[]; actions: CardButton[] },
  visit: (input: InputElement) => void,
) {
  const element = (item: CardElement): void => {
    if (isInput(item)) visit(item);
    if (item.type === 'Container') item.items.forEach(element);
    if (item.type === 'ActionSet') item.actions.forEach(button);
  };
  const button = (action: CardButton) => {
    if (action.type === 'Action.ShowCard') walkInputs(action.card, visit);
  };
  card.body.forEach(element);
  card.actions.forEach(button);
}

/** An invoke's data with inline forms' input ids back to the form's own field ids. */
export function unscopeCardInputs<T>(value: T): T {
  const action = (value as { action?: { data?: unknown } } | undefined)?.action;
  const data = action?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return value;
  const entries = Object.entries(data as Record<string, unknown>);
  if (!entries.some(([key]) => key.includes(INPUT_SCOPE))) return value;
  const plain = Object.fromEntries(entries.filter(([key]) => !key.includes(INPUT_SCOPE)));
  const scoped = Object.fromEntries(
    entries
      .filter(([key]) => key.includes(INPUT_SCOPE))
      .map(([key, v]) => [key.slice(0, key.indexOf(INPUT_SCOPE)), v]),
  );
  return { ...value, action: { ...action, data: { ...plain, ...scoped } } };
}

function input(field: FormField): CardElement {
  const common = {
    id: field.id,
    label: field.hint ? `${field.label} (${field.hint})` : field.label,
    ...(field.optional ? {} : { isRequired: true, errorMessage: `${field.label} is required.` }),
  };
  switch (field.type) {
    case 'text':
      return {
        type: 'Input.Text',
        ...common,
        maxLength: field.maxLength,
        ...(field.multiline ? { isMultiline: true } : {}),
        ...(field.initial ? { value: field.initial } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
      };
    case 'date':
      return {
        type: 'Input.Date',
        ...common,
        ...(field.initial ? { value: field.initial } : {}),
        ...(field.min ? { min: field.min } : {}),
      };
    case 'select':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        choices: field.options.map((option) => ({ title: option.label, value: option.value })),
        ...(field.multiple ? { isMultiSelect: true } : {}),
        ...(field.options.length > 10 ? { style: 'filtered' as const } : {}),
        ...(field.initial && field.initial.length > 0 ? { value: field.initial.join(',') } : {}),
      };
  }
}
