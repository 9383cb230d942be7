import { BUYING_STAGES, ENTRY_KINDS } from '../../src/knowledge/entry.ts';
import type { IndexedDoc } from '../../src/knowledge/search/lexical-index.ts';

// Deterministic sales chatter for scale benchmarks: function words, a Zipf-distributed vocabulary whose
// head is sales talk and whose long tail is invented words (names, products, typos), numbers and amounts.
const SALES_WORDS =
  `pricing price discount budget renewal contract procurement legal security review soc2 gdpr
hipaa sso okta o365 salesforce hubspot integration api migration onboarding rollout pilot poc trial demo
champion sponsor cfo cio ciso vp director manager buyer stakeholder committee approval quarter q1 q2 q3 q4
deal pipeline forecast quota objection competitor incumbent switch churn expansion upsell seats licenses
users admin dashboard reporting analytics export import workflow automation alerts mobile app latency
uptime sla support ticket escalation implementation timeline deadline kickoff training adoption usage
roi value savings cost expensive cheap cheaper premium enterprise smb midmarket startup hospital bank
retail logistics manufacturing insurance government university customer prospect account region emea
apac latam north america europe germany france uk japan india brazil canada data residency encryption
audit compliance policy risk vendor questionnaire redlines msa dpa nda terms payment invoice annual
monthly multi year term negotiation concession bundle package tier plan feature roadmap request bug
outage performance scale slow fast reliable easy hard complex setup configure customize permissions
roles teams department it hr finance marketing ops engineering leadership board meeting call email
slack teams zoom webinar conference event lunch dinner intro referral partner reseller channel agency`
    .split(/\s+/)
    .filter(Boolean);
const FUNCTION_WORDS =
  'the a an and or but to of in on for with at by from about we they they’re it is was are were be been have has had do did not no this that these those our their them he she you i said heard told asked think really just also still'.split(
    ' ',
  );
const TAIL_WORDS = 200_000;
const SYLLABLES =
  'ka lo mi ne ru sa ti vo ze ba de fi go hu ja ke li mo nu pa qui ra se to vu wi xa yo zu'.split(' ');

/** mulberry32: small, fast and reproducible across runs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates documents and queries; the same seed always gives the same ones. */
export class SyntheticChatter {
  private readonly random: () => number;
  private readonly cumulative: Float64Array;

  constructor(seed = 42) {
    this.random = seededRandom(seed);
    const ranks = SALES_WORDS.length + TAIL_WORDS;
    this.cumulative = new Float64Array(ranks);
    let total = 0;
    for (let rank = 0; rank < ranks; rank++) {
      total += 1 / (rank + 1) ** 1.05;
      this.cumulative[rank] = total;
    }
  }

  doc(id: number): IndexedDoc {
    const titled = this.random() < 0.4;
    return {
      id,
      title: titled ? this.words(3 + this.int(6), 0) : '',
      body: this.words(20 + this.int(61), 0.45),
      kind: ENTRY_KINDS[this.int(ENTRY_KINDS.length)] ?? 'chatter',
      stage: this.random() < 0.3 ? null : (BUYING_STAGES[this.int(BUYING_STAGES.length)] ?? null),
      topics: this.random() < 0.5 ? [] : [this.contentWord()],
      createdAt: new Date(Date.UTC(2026, 0, 1) + this.int(300) * 86_400_000),
      audience: null,
    };
  }

  /** A question a rep might ask: framing words plus two to five content words. */
  query(): string {
    return `what are you hearing about ${this.words(2 + this.int(4), 0)}`;
  }

  private words(count: number, functionShare: number): string {
    const words: string[] = [];
    for (let i = 0; i < count; i++) {
      const roll = this.random();
      if (roll < functionShare) words.push(FUNCTION_WORDS[this.int(FUNCTION_WORDS.length)] as string);
      else if (roll < functionShare + 0.03) words.push(this.amount());
      else words.push(this.contentWord());
    }
    return words.join(' ');
  }

  private contentWord(): string {
    const rank = this.zipfRank();
    return rank < SALES_WORDS.length ? (SALES_WORDS[rank] as string) : invented(rank - SALES_WORDS.length);
  }

  private amount(): string {
    const value = 1 + this.int(999);
    return this.random() < 0.5 ? `$${value}k` : `${value * 10} seats`;
  }

  private zipfRank(): number {
    const target = this.random() * (this.cumulative[this.cumulative.length - 1] as number);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private int(bound: number): number {
    return Math.floor(this.random() * bound);
  }
}

function invented(index: number): string {
  let word = '';
  let rest = index + SYLLABLES.length;
  while (rest > 0) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
}
