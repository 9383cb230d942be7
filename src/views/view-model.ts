/**
 * One platform-neutral description of every message Earshot sends. Core builders produce these; Slack
 * renders them to Block Kit and Teams to Adaptive Cards. Text in a view is raw (unescaped): each
 * renderer escapes it for its own markup, so user text can never form links or mentions anywhere.
 */

/** A person named in a message: rendered as a mention where the platform can, else as their name. */
export interface PersonRef {
  platform: string;
  userId: string;
  name?: string | null;
}

/** One piece of a line of text. */
export type Span =
  | string
  | { text: string; bold?: true; italic?: true; href?: string | null }
  | { date: Date }
  | { person: PersonRef }
  | { code: string }
  /** An Earshot command, as each platform types it: `/earshot references x` in Slack, `references x` in Teams. */
  | { command: string }
  /** Numbered citations `[1][2]`, each linked when its source has a safe url, cut at a budget. */
  | { citations: Array<{ n: number; href: string | null }> };

export type Line = Span[];

/** What pressing a button sends back: the action's id and its typed payload (see view-actions.ts). */
export interface ViewButton {
  label: string;
  action: string;
  payload: Record<string, string | number | boolean>;
  style?: 'primary' | 'danger';
  /** The button opens this form: Teams shows it inline on the card, Slack opens it as a modal. */
  form?: FormView;
  /** Asked before the action is sent: Slack's confirm dialog, Teams a card shown on the click. */
  confirm?: { title: string; text: string; confirm: string; deny: string };
}

/** One line of a list, optionally with its own button (Request beside a reference customer). */
export interface ViewItem {
  line: Line;
  /** More lines under the first, e.g. details. */
  detail?: Line;
  /** Further lines under the first, one per line (a digest theme's example quotes). */
  details?: Line[];
  button?: ViewButton;
  /** A row of buttons under the item (Approve / Edit / Reject on a queued entry). */
  buttons?: ViewButton[];
  /** Names the item's block (Slack `block_id`, Teams element `id`); unique within a message. */
  id?: string;
}

export type ViewBlock =
  | { type: 'heading'; text: string }
  | { type: 'text'; lines: Line[]; subtle?: boolean }
  /** Items the renderers may cut from the end (with "…and N more {noun}s") to fit the platform. */
  | {
      type: 'list';
      items: ViewItem[];
      noun: string;
      /** The plural when it is not `noun` + "s" ("entries"). */
      nouns?: string;
      bullets?: boolean;
      subtle?: boolean;
      /** Show at most this many items even where more would fit (a digest section's first few). */
      max?: number;
      /** Items left out before the view was built (a query's cap), counted in "…and N more" too. */
      more?: number;
    }
  | { type: 'facts'; facts: Array<{ label: string; value: Line }> }
  | { type: 'divider' }
  | { type: 'buttons'; id: string; buttons: ViewButton[] };

/** A message: what notifications and old clients show, then the blocks. */
export interface MessageView {
  fallback: string;
  blocks: ViewBlock[];
  /** Added at the end only when the truncation policy left items out: where to read them all. */
  whenCut?: ViewBlock[];
}

export type FormField =
  | {
      type: 'text';
      id: string;
      label: string;
      initial?: string;
      placeholder?: string;
      multiline?: boolean;
      maxLength: number;
      optional?: boolean;
      hint?: string;
    }
  | {
      type: 'select';
      id: string;
      label: string;
      options: Array<{ value: string; label: string }>;
      initial?: string[];
      multiple?: boolean;
      optional?: boolean;
      hint?: string;
    }
  | {
      type: 'date';
      id: string;
      label: string;
      initial?: string | null;
      /** The earliest date allowed (YYYY-MM-DD); Teams enforces it, the submission is checked anyway. */
      min?: string;
      optional?: boolean;
      hint?: string;
    };

/** A form: a Slack modal, or a card with inputs in Teams. Submitting sends `action` with `payload`. */
export interface FormView {
  title: string;
  submitLabel: string;
  action: string;
  payload: Record<string, string | number | boolean>;
  intro?: Line[];
  fields: FormField[];
}
