import type { BuyingStage, EntryKind } from '../entry.ts';
import type { AnswerReferences } from './answer-references.ts';

/** A numbered citation; `n` is what statements refer to, and sources are in rank order. */
export interface Source {
  n: number;
  id: number;
  externalId: string | null;
  kind: EntryKind;
  title: string;
  url: string | null;
  author: string | null;
  account: string | null;
  channel: string | null;
  createdAt: Date;
  /** How likely the entry is to answer the question, 0..1; sources are numbered in this order. */
  score: number;
  /**
   * The review date the entry had passed when the answer was given (answers mark it "not reviewed
   * since …"); null or absent (answers logged before it existed) when fresh.
   */
  staleSince?: Date | null;
}

export interface Statement {
  text: string;
  /** Source numbers backing the statement; never empty. */
  citations: number[];
}

/** What the field said: chatter and tips, counted. */
export interface FieldSummary {
  entries: number;
  reps: number;
  accounts: number;
  /** The smallest of 7, 14, 30, 60, 90, 180 or 365 days that holds every counted entry; null if older. */
  windowDays: number | null;
  newest: Date | null;
  /** e.g. "5 reps across 4 accounts in the last 30 days" */
  headline: string;
}

export interface Answer {
  question: string;
  /** What the question is about, e.g. "SSO" for "What are you hearing about SSO?" */
  subject: string;
  heard: boolean;
  /** Field chatter and tips, summarized with counts. */
  field: { summary: FieldSummary; statements: Statement[] };
  /** Research and expert content: the objective side, kept apart from chatter. */
  objective: { statements: Statement[] };
  sources: Source[];
  /**
   * When nothing answers (`heard` false): the entries that came closest, shown as such and counted
   * nowhere; absent when none came near.
   */
  closest?: Source[];
  /** Set when the answer was written by a chat model. */
  model: string | null;
  /** Reference customers, when the question asks for references or customer proof; null or absent otherwise. */
  references?: AnswerReferences | null;
  /** The question's row in the question log, for feedback. */
  questionId: number;
  /** Set when the question named a stage, industry, role or demo and the search applied it. */
  facets?: AnswerFacets;
  /** True when a reply in a thread was read as a follow-up: `question` is then the question it became. */
  followUp?: boolean;
}

/** The facets a question named and the answer applied (question-facets.ts). */
export interface AnswerFacets {
  stage: BuyingStage | null;
  industry: string | null;
  role: string | null;
  /** "demo" was asked for: demo entries were preferred. */
  demo: boolean;
  /** What was applied, in words, e.g. ["healthcare", "CFO", "decide stage"]. */
  labels: string[];
  /** Nothing matched with the facets, but the question without them finds an answer: offer to drop them. */
  withoutFindsMore: boolean;
}
