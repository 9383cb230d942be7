import { ADAPTIVE_CARD_SCHEMA, type TextBlock } from './card-types.ts';

/**
 * The Adaptive Card 1.5 elements the alert and reference cards use beyond the answer card's text and
 * buttons: containers, inline button rows, text inputs and cards shown on a click.
 */

export type ActionData = Record<string, string | number | boolean>;

export interface ExecuteButton {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: ActionData;
  style?: 'default' | 'positive' | 'destructive';
}

export interface ShowCardButton {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[]; actions: CardButton[] };
}

/** Submits a task module (dialog): Teams hands its inputs, merged into `data`, to the bot. */
export interface SubmitButton {
  type: 'Action.Submit';
  title: string;
  data?: ActionData;
}

export type CardButton = ExecuteButton | ShowCardButton | SubmitButton;

export interface InputText {
  type: 'Input.Text';
  id: string;
  label: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength: number;
  isRequired?: boolean;
  errorMessage?: string;
  value?: string;
}

export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  choices: Array<{ title: string; value: string }>;
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded' | 'filtered';
  isRequired?: boolean;
  errorMessage?: string;
  /** The chosen values, comma-joined when several. */
  value?: string;
}

export interface InputDate {
  type: 'Input.Date';
  id: string;
  label: string;
  value?: string;
  min?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface FactSet {
  type: 'FactSet';
  facts: Array<{ title: string; value: string }>;
  separator?: boolean;
  spacing?: TextBlock['spacing'];
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardButton[];
}

export interface Container {
  type: 'Container';
  id?: string;
  items: CardElement[];
  separator?: boolean;
  spacing?: TextBlock['spacing'];
}

/** Plain text, never read as markdown: for text that must show exactly as written (a command). */
export interface TextRun {
  type: 'TextRun';
  text: string;
  isSubtle?: boolean;
  size?: TextBlock['size'];
  fontType?: 'Default' | 'Monospace';
}

export interface RichTextBlock {
  type: 'RichTextBlock';
  inlines: TextRun[];
  separator?: boolean;
  spacing?: TextBlock['spacing'];
}

export type CardElement =
  | TextBlock
  | RichTextBlock
  | InputText
  | InputChoiceSet
  | InputDate
  | FactSet
  | ActionSet
  | Container;

export interface RichCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: '1.5';
  fallbackText: string;
  body: CardElement[];
  actions: CardButton[];
  msteams: { width: 'Full' };
}

export function richCard(
  parts: Pick<RichCard, 'fallbackText' | 'body'> & { actions?: CardButton[] },
): RichCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    fallbackText: parts.fallbackText,
    body: parts.body,
    actions: parts.actions ?? [],
    msteams: { width: 'Full' },
  };
}

/** A wrapped paragraph of Earshot's own markdown; user text in it must already be neutralized. */
export function paragraph(
  markdown: string,
  extra: Omit<Partial<TextBlock>, 'type' | 'text' | 'wrap'> = {},
): TextBlock {
  return { type: 'TextBlock', text: markdown, wrap: true, ...extra };
}

export function execute(
  title: string,
  verb: string,
  data: ActionData,
  style?: ExecuteButton['style'],
): ExecuteButton {
  return { type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}) };
}

/**
 * A moment as Teams shows it in the reader's own time zone and locale (the card `DATE()` function);
 * Teams wants RFC 3339 without fractions of a second.
 */
export function localDate(date: Date): string {
  return `{{DATE(${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}, SHORT)}}`;
}
