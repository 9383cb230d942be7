import { createHash } from 'node:crypto';
import { BUYER_ROLES } from '../buyer-roles.ts';
import { BUYING_STAGES, ENTRY_KINDS } from '../entry.ts';
import { analyze, detectLanguage } from './analyzer.ts';
import { STEM_EXCEPTIONS } from './english-stem.ts';
import { LANGUAGES, STOPWORDS } from './language.ts';
import type { Bm25Params } from './lexical-index.ts';
import { KIND_LABELS, MAX_META_UNITS, META_UNITS, metaTexts, STAGE_LABELS } from './meta-fields.ts';
import { MAX_BODY_TF, MAX_TITLE_TF, META_SHIFT, SLOT_SHIFT, TITLE_SHIFT } from './query-scorer.ts';
import { JOINED_PHRASES } from './tokenizer.ts';

/**
 * Bump when indexing changes in a way the probes below cannot see (a new field, another posting
 * layout): every saved index is then rebuilt instead of loaded.
 */
export const INDEX_ANALYSIS_VERSION = 2;

// Texts that exercise the tokenizer, stopwords, stemmers, accent folding, elision, compounds and
// language detection: a change to any of them changes the terms these give, and so the fingerprint.
const PROBES = [
  'The on-prem rollout stalled: IT says e-mail integrations and SSO pricing are blockers for Q3 renewals.',
  'Los clientes están evaluando nuestra integración con Salesforce; el precio les preocupa.',
  "L'entreprise hésite : les équipes veulent une démonstration avant d'acheter la licence.",
  'Die Kunden möchten eine Testversion, bevor sie die Lizenzverlängerung unterschreiben.',
  'Os compradores querem integração nativa e preços previsíveis antes da renovação.',
  'co-op 3.5x ROI C++ node.js AT&T Bill.com naïve café 東京 größer',
];

/**
 * A hash of everything that decides what a built index holds: the analysis (via the probes), the
 * labels and weights indexed in the meta field, the posting layout and the BM25 parameters. A saved
 * index with another fingerprint is never loaded.
 */
export function indexFingerprint(params: Bm25Params): string {
  const probes = PROBES.map((text) => ({
    language: detectLanguage(text),
    terms: LANGUAGES.map((language) => analyze(text, language)),
  }));
  const meta = metaTexts({
    kind: 'tip',
    stage: 'decide',
    topics: ['pricing'],
    account: 'Acme',
    industries: ['healthcare'],
    roles: Object.keys(BUYER_ROLES).slice(0, 1),
  });
  const described = JSON.stringify({
    version: INDEX_ANALYSIS_VERSION,
    params,
    layout: [SLOT_SHIFT, TITLE_SHIFT, META_SHIFT, MAX_BODY_TF, MAX_TITLE_TF, MAX_META_UNITS],
    kinds: ENTRY_KINDS,
    stages: BUYING_STAGES,
    kindLabels: KIND_LABELS,
    stageLabels: STAGE_LABELS,
    metaUnits: META_UNITS,
    roles: BUYER_ROLES,
    stopwords: LANGUAGES.map((language) => [...STOPWORDS[language]].sort()),
    joinedPhrases: JOINED_PHRASES,
    stemExceptions: STEM_EXCEPTIONS,
    probes,
    meta,
  });
  return createHash('sha256').update(described).digest('hex');
}
