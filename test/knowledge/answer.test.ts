import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { EntryStore } from '../../src/knowledge/entries/entry-store.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

describe.each(DATABASE_KINDS)('answering on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
  });
  afterEach(() => earshot.close());

  it('counts distinct reps and accounts and says how recent the field chatter is', async () => {
    const said = [
      ['Maya', 'Harborview', 3],
      ['Maya', 'Harborview', 5],
      ['Dan', 'Kessler', 10],
      ['Priya', 'Fernway', 20],
      ['Tom', 'Harborview', 25],
    ] as const;
    for (const [author, account, age] of said) {
      await seedEntry(db, {
        author,
        account,
        createdAt: daysAgo(age),
        body: `${account} pushed back on Ledgerline pricing during the renewal call.`,
      });
    }
    await seedEntry(db, { body: 'Kessler wants on-site training for the warehouse team.', author: 'Zed' });

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about Ledgerline pricing?',
    });

    expect(answer.heard).toBe(true);
    expect(answer.field.summary).toMatchObject({ entries: 5, reps: 4, accounts: 3, windowDays: 30 });
    expect(answer.field.summary.headline).toBe('4 reps across 3 accounts in the last 30 days');
    expect(answer.sources.every((source) => source.kind === 'chatter')).toBe(true);
    expect(answer.sources.map((source) => source.author)).not.toContain('Zed');
  });

  it('keeps research and expert content apart from chatter, and every citation points at a listed source', async () => {
    await seedEntry(db, {
      kind: 'chatter',
      author: 'Maya',
      account: 'Harborview',
      body: 'Harborview asked for SOC 2 Type II before signing.',
    });
    await seedEntry(db, {
      kind: 'tip',
      author: 'Grace',
      body: 'Send the SOC 2 Type II bridge letter before the security review.',
    });
    await seedEntry(db, {
      kind: 'research',
      title: 'Security review survey',
      body: '62% of buyers ask for SOC 2 Type II in evaluation.',
      url: 'https://example.com/survey',
    });
    await seedEntry(db, {
      kind: 'expert',
      title: 'SOC 2 facts',
      body: 'Our SOC 2 Type II report covers all production systems.',
    });

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are buyers saying about SOC 2 Type II?',
    });

    const numbers = new Set(answer.sources.map((source) => source.n));
    const cited = [...answer.field.statements, ...answer.objective.statements].flatMap((s) => s.citations);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((n) => numbers.has(n))).toBe(true);
    const kindOf = (n: number) => answer.sources.find((source) => source.n === n)?.kind;
    expect(
      answer.field.statements
        .flatMap((s) => s.citations)
        .map(kindOf)
        .sort(),
    ).toEqual(['chatter', 'tip']);
    expect(
      answer.objective.statements
        .flatMap((s) => s.citations)
        .map(kindOf)
        .sort(),
    ).toEqual(['expert', 'research']);
    expect(answer.sources.map((source) => source.n)).toEqual([1, 2, 3, 4]);
    expect(answer.sources.find((source) => source.kind === 'research')?.url).toBe(
      'https://example.com/survey',
    );
  });

  it('says plainly when nothing was heard, invents nothing, and logs the question as unanswered', async () => {
    await seedEntry(db, { body: 'Harborview pushed back on pricing.' });

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about carbon reporting?',
    });

    expect(answer.heard).toBe(false);
    expect(answer.subject).toBe('carbon reporting');
    expect(answer.sources).toEqual([]);
    expect(answer.closest).toBeUndefined();
    expect(answer.field.statements).toEqual([]);
    const unanswered = await earshot.questions.list({ workspaceId: 'acme', answered: false });
    expect(unanswered.map((question) => question.text)).toEqual([
      'What are you hearing about carbon reporting?',
    ]);
  });

  it('does not count an entry that shares only one weak word with the question', async () => {
    await seedEntry(db, { body: 'The team asked about onboarding timelines for new hires.' });
    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about quantum encryption timelines?',
    });
    expect(answer.heard).toBe(false);
  });

  /** A handful of unrelated entries, so the knowledge base is not all about the question. */
  async function seedBackground() {
    const said = [
      ['Maya', 'Harborview', 'Harborview pushed back on Ledgerline pricing during the renewal call.'],
      ['Dan', 'Kessler', 'Kessler wants on-site training for the warehouse team before go-live.'],
      ['Priya', 'Fernway', 'Fernway asked whether virtual cards earn a rebate on every payment.'],
      ['Tom', 'Ashgrove', 'The county needs three quotes before any purchase over $50k.'],
      ['Grace', 'Pinecrest', 'Pinecrest compared our approval routing with Brisk AP and liked ours better.'],
      ['Sofia', 'Brightwater', 'Brightwater security asked who does the OCR for invoice capture.'],
    ] as const;
    for (const [author, account, body] of said) await seedEntry(db, { author, account, body });
  }

  /** Asks `question`: "nothing heard" from what the base holds, then cited from `answer` alone once it is added. */
  async function expectNothingHeardUntilSaid(
    question: string,
    answer: Parameters<typeof seedEntry>[1] & { title: string },
  ) {
    expect((await earshot.ask({ workspaceId: 'acme', question })).heard).toBe(false);
    await seedEntry(db, answer);
    const answered = await earshot.ask({ workspaceId: 'acme', question });
    expect(answered.sources.map((source) => source.title)).toEqual([answer.title]);
  }

  it('says "nothing heard" when an entry shares only one generic word with the question', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Marcus',
      account: 'Calder',
      body: 'Calder finished its NetSuite rollout in six weeks; the controller was thrilled.',
    });
    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'How long does a Workday rollout take?',
    });
    expect(answer.heard).toBe(false);
    expect(answer.sources).toEqual([]);
    expect(answer.closest).toBeUndefined();
  });

  it('hears nothing of a quote asked in lower case about an account whose entries tell no quote', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Priya',
      account: 'Pagecraft',
      title: "Pagecraft thinks we're too much tool next to Help Scout",
      body: 'Pagecraft has 22 agents on email and chat only, and their boss says we are too much tool for them; Help Scout is the alternative on the table and came in cheaper.',
      topics: ['help-scout', 'competition'],
    });
    await seedEntry(db, {
      author: 'Dan',
      account: 'Bramblebox',
      title: 'Gorgias quoted Bramblebox on ticket volume',
      body: 'Gorgias quoted Bramblebox $900 a month for 5,000 tickets.',
    });
    await seedEntry(db, {
      kind: 'tip',
      body: 'Point admins at the help center before the first training call.',
    });

    const unknown = await earshot.ask({
      workspaceId: 'acme',
      question: 'what did help scout quote pagecraft?',
    });
    expect(unknown.heard).toBe(false);
    const known = await earshot.ask({ workspaceId: 'acme', question: 'what did gorgias quote bramblebox?' });
    expect(known.sources[0]?.title).toBe('Gorgias quoted Bramblebox on ticket volume');
  });

  it('hears nothing of a date asked of an account when the entry dates something else', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Priya',
      account: 'Harrow & Vane',
      title: 'Harrow & Vane worried about a cutover gap before the holidays',
      body: 'Their Freshdesk contract is a sore point with the CFO, who wants the migration cost on the order form. The switch has to be finished by October 1, before their holiday freeze.',
      topics: ['migration', 'freshdesk'],
    });
    await expectNothingHeardUntilSaid("When does Harrow & Vane's Freshdesk contract end?", {
      author: 'Dan',
      account: 'Harrow & Vane',
      title: 'Harrow & Vane renewal timing',
      body: "Harrow & Vane's Freshdesk contract ends on March 31, and they will not renew it.",
    });
  });

  it('says who holds a role only from an entry that names a person in it', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Simone',
      account: 'Tellwater',
      title: 'Lost Tellwater to Salesforce Service Cloud',
      body: 'Tellwater went with Salesforce Service Cloud. Salesforce folded the seats into their enterprise agreement at 60% off list, and their CIO did not want a second vendor.',
    });
    await seedEntry(db, {
      author: 'Derek',
      account: 'Hope Street',
      title: 'Hope Street asked about income certification',
      body: 'Hope Street asked whether we produce tenant income certifications. Compliance director: Lorena Vasquez.',
    });
    const ask = (question: string) => earshot.ask({ workspaceId: 'acme', question });

    expect((await ask("who's tellwater's cio?")).heard).toBe(false);
    expect((await ask("Who is Hope Street's executive director?")).heard).toBe(false);
    const named = await ask("Who is Hope Street's compliance director?");
    expect(named.sources.map((source) => source.title)).toEqual([
      'Hope Street asked about income certification',
    ]);

    await seedEntry(db, {
      author: 'Simone',
      account: 'Tellwater',
      title: 'Tellwater contacts',
      body: 'Marta Lindqvist (CIO) signs off on every new vendor at Tellwater.',
    });
    const answer = await ask("who's tellwater's cio?");
    expect(answer.sources.map((source) => source.title)).toEqual(['Tellwater contacts']);
  });

  it("says what a person's role is only from an entry that gives one", async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Dana',
      account: 'Granite Valley',
      title: 'Granite Valley: first mock conversion done',
      body: 'The first mock conversion finished on October 2 with 99.6% reconciled. Ravi Chandra signed off the reconciliation on their side.',
    });
    await expectNothingHeardUntilSaid("What's Ravi Chandra's role at Granite Valley?", {
      author: 'Dana',
      account: 'Granite Valley',
      title: 'Granite Valley project team',
      body: 'Ravi Chandra, their finance systems director, owns the data conversion.',
    });
  });

  it('reads "ISO 27001" as a name: an entry about other certificates does not say when ours expires', async () => {
    await seedBackground();
    await seedEntry(db, {
      kind: 'expert',
      title: 'License and certification tracking',
      body: 'HR records can store licenses and certifications with expiry dates. Crewline alerts the employee and their manager 90, 60 and 30 days before a license expires.',
      topics: ['compliance', 'licenses'],
    });
    await seedEntry(db, {
      kind: 'expert',
      title: 'Security and compliance',
      body: 'Crewline is ISO 27001 certified. Bank account numbers are encrypted at the field level.',
      topics: ['security'],
    });
    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'When does our ISO 27001 certificate expire?',
    });
    expect(answer.heard).toBe(false);
  });

  it('answers why an account chose us from the story of the win, though it never names our product', async () => {
    await seedBackground();
    // Reps name their own product in many entries: here in 12 of 19.
    const topics = [
      'approval routing',
      'SOC 2',
      'NetSuite sync',
      'virtual cards',
      'OCR',
      'SSO',
      'the mobile app',
    ];
    for (const [index, topic] of [...topics, ...topics.slice(0, 5)].entries()) {
      await seedEntry(db, {
        author: 'Ana',
        account: `Account ${index}`,
        body: `They liked the Ledgerline demo of ${topic}.`,
      });
    }
    await seedEntry(db, {
      author: 'Ana',
      account: 'Marlowe',
      title: 'Marlowe signed',
      topics: ['win', 'brisk-ap'],
      body: 'Marlowe signed a three-year deal on September 14. Brisk AP was the other finalist, but their approvals could not route by cost center. The controller loved the approval routing demo.',
    });
    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'Why did Marlowe go with Ledgerline?',
    });
    expect(answer.sources.map((source) => source.title)).toEqual(['Marlowe signed']);
  });

  it('hears nothing of a quote when the entries tell of it without its figure', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Ana',
      account: 'Ironwood Steel',
      title: 'Ironwood walked away from Cornerstone',
      topics: ['absorb', 'cornerstone', 'quote'],
      body: "Ironwood Steel (3,000 workers) got a Cornerstone quote and walked away: they were told they'd need two full-time admins to run it. They're now comparing us with Absorb, who quoted them last week.",
    });
    await expectNothingHeardUntilSaid('What did Absorb quote Ironwood?', {
      author: 'Ana',
      account: 'Ironwood Steel',
      title: 'Absorb pricing at Ironwood',
      body: 'Absorb quoted Ironwood $5.10 per learner per month on a three-year term.',
    });
  });

  it('hears nothing of what a rival charges per user from a tip that only says it prices per seat', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Marisol',
      title: 'Count every login when a rival prices per seat',
      topics: ['fieldwire', 'pricing'],
      body: 'Against Fieldwire or anyone else charging per user, count every foreman and sub who would need a login. At Redline it was 180 people against the 45 seats Fieldwire wanted to license.',
    });
    await expectNothingHeardUntilSaid('How much does Fieldwire charge per user?', {
      author: 'Marisol',
      account: 'Redline Electric',
      title: 'Redline Electric trialling Fieldwire',
      body: 'Fieldwire quoted Redline $54 per user per month on the Business plan.',
    });
  });

  it('hears nothing of what one integration costs from the price of another beside it', async () => {
    await seedBackground();
    await seedEntry(db, {
      kind: 'expert',
      title: 'Integrations: Veeva Vault and Snowflake',
      topics: ['integrations', 'snowflake'],
      body: 'Veeva Vault: documents are filed to the eTMF automatically. The Vault connector is included in Enterprise and costs $6,000 a year otherwise. Snowflake: we publish study data to the customer’s account through secure data sharing, refreshed every 4 hours.',
    });
    await expectNothingHeardUntilSaid('How much does the Snowflake data share cost?', {
      kind: 'expert',
      title: 'Snowflake data share pricing',
      body: 'The Snowflake data share costs $3,000 a year per study.',
    });
  });

  it('hears nothing of what an integration costs from the prices of the others', async () => {
    await seedBackground();
    await seedEntry(db, {
      kind: 'expert',
      title: 'Integrations: Veeva Vault, Snowflake and SAS',
      topics: ['integrations'],
      body: 'The Veeva Vault integration files documents to the eTMF and costs $6,000 a year outside Enterprise. The Snowflake integration shares study data every 4 hours.',
    });
    await seedEntry(db, {
      author: 'Greg',
      account: 'Pulsewave',
      title: 'Pulsewave asked about wearables for a remote study',
      body: 'Pulsewave wants activity data from wearables in their remote heart-failure study.',
    });
    await expectNothingHeardUntilSaid('What does the wearables integration cost?', {
      kind: 'expert',
      title: 'Wearables integration pricing',
      body: 'The wearables integration costs $2,500 per study.',
    });
  });

  it('answers how many claims an account handles only from an entry that counts its claims', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Nia',
      account: 'Harborstone',
      title: 'Harborstone asked whether we produce Lloyd’s bordereaux',
      body: 'Harborstone (Tampa MGA, $68M premium) asked whether we produce risk, premium and claims bordereaux. Their operations team of 3 spends 6 days every month building them in Excel.',
    });
    await expectNothingHeardUntilSaid('how many claims a year does Harborstone handle?', {
      author: 'Nia',
      account: 'Harborstone',
      title: 'Harborstone claims volume',
      body: 'Harborstone handles about 4,200 claims a year, most of them after hurricanes.',
    });
  });

  it('answers how many customers do something only from an entry that counts them', async () => {
    await seedBackground();
    await seedEntry(db, {
      kind: 'expert',
      title: 'NetSuite and SAP integrations',
      body: 'The NetSuite SuiteApp syncs vendors, customers, purchase orders and contract values both ways. It is included in Enterprise. Customers connect SAP through our REST API, which takes about three weeks to set up.',
      topics: ['netsuite', 'integrations'],
    });
    await expectNothingHeardUntilSaid('How many customers use the NetSuite integration?', {
      author: 'Maya',
      title: 'NetSuite integration adoption',
      body: 'The NetSuite integration is live at 40 customers, most of them on Enterprise.',
    });
  });

  it('answers how a decision came out from the entry that tells it, and hears nothing before it is made', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Miles',
      account: 'Lumora Genomics',
      title: 'Lumora NDA pilot results',
      body: "Lumora's 30-day pilot on NDAs: 220 NDAs went through us and turnaround dropped from 6 days to a day and a half.",
    });
    await seedEntry(db, {
      author: 'Miles',
      account: 'Lumora Genomics',
      title: 'Lost Lumora Genomics to DocuSign CLM',
      body: 'Lumora went with DocuSign CLM, which came at a 40% discount on their eSignature renewal.',
    });
    await seedEntry(db, {
      author: 'Ravi',
      account: 'Keystone Transit',
      title: "Keystone's document control team loves Aconex",
      body: 'Keystone Transit keeps 11 years of records in Aconex and renews at $265k for three years. They will decide by the end of June.',
    });

    const lumora = await earshot.ask({ workspaceId: 'acme', question: 'What did Lumora end up doing?' });
    expect(lumora.sources[0]?.title).toBe('Lost Lumora Genomics to DocuSign CLM');
    const keystone = await earshot.ask({
      workspaceId: 'acme',
      question: 'What did Keystone Transit end up choosing?',
    });
    expect(keystone.heard).toBe(false);
  });

  it('hears nothing about a company named by its web address when only the common word was said', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Grace',
      account: 'Lumen',
      body: 'Controller asked if intercompany bills land in the right subsidiary automatically.',
    });
    await seedEntry(db, {
      author: 'Priya',
      account: 'Fernway',
      body: 'Fernway pays its bills twice a month.',
    });
    const nothing = await earshot.ask({ workspaceId: 'acme', question: 'Any chatter about Bill.com?' });
    expect(nothing.heard).toBe(false);

    await seedEntry(db, {
      author: 'Dan',
      account: 'Kessler',
      body: 'Kessler is comparing us with Bill.com on price.',
    });
    const heard = await earshot.ask({ workspaceId: 'acme', question: 'Any chatter about Bill.com?' });
    expect(heard.sources.map((source) => source.account)).toEqual(['Kessler']);
  });

  it('shows the entries that came closest when none answers, as such, and counts none of them', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Marcus',
      account: 'Calder',
      body: 'Calder went live on the Workday connector last month; the controller was thrilled with the rollout.',
    });
    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'How long does a Workday rollout take?',
    });
    expect(answer.heard).toBe(false);
    expect(answer.sources).toEqual([]);
    expect(answer.closest?.map((source) => source.account)).toEqual(['Calder']);
    // Not an answer: no rep or account counted, and the question stays unanswered for the curators.
    expect(answer.field.summary.entries).toBe(0);
    const unanswered = await earshot.questions.list({ workspaceId: 'acme', answered: false });
    expect(unanswered.map((question) => question.text)).toEqual(['How long does a Workday rollout take?']);
  });

  it('cites every entry that answers and not one that shares a single word, and counts only those', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Maya',
      account: 'Saint Brendan',
      body: "Saint Brendan's IT team asked for SAML SSO setup help before go-live.",
    });
    await seedEntry(db, {
      kind: 'expert',
      title: 'SSO setup guide',
      body: 'SAML SSO setup takes an afternoon with Okta or Azure AD.',
    });
    await seedEntry(db, {
      author: 'Jordan',
      account: 'Tri-Valley',
      body: 'Tri-Valley delayed the scanner setup at the depot by a week.',
    });

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about SAML SSO setup?',
    });

    expect(answer.heard).toBe(true);
    expect(answer.sources.map((source) => source.account ?? source.title).sort()).toEqual([
      'SSO setup guide',
      'Saint Brendan',
    ]);
    expect(answer.field.summary.headline).toBe('1 rep across 1 account in the last 7 days');
    expect(answer.field.statements.map((statement) => statement.text)).toEqual([
      'Maya (Saint Brendan) heard: "Saint Brendan\'s IT team asked for SAML SSO setup help before go-live."',
    ]);
  });

  it('puts what answers before a buyer asking the same thing, unless the rep asks what buyers ask', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Dev',
      account: 'Northspan',
      title: 'Northspan asked how long toll-free number porting takes',
      body: 'Northspan wants its 40 toll-free numbers ported before their carrier contract ends in three weeks.',
    });
    await seedEntry(db, {
      kind: 'expert',
      title: 'Voice add-on',
      body: 'We port local and toll-free numbers in the US and Canada; toll-free porting takes two to four weeks.',
    });

    const howLong = await earshot.ask({
      workspaceId: 'acme',
      question: 'How long does toll-free number porting take?',
    });
    expect(howLong.sources.map((source) => source.title)).toEqual([
      'Voice add-on',
      'Northspan asked how long toll-free number porting takes',
    ]);

    const asking = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are prospects asking about toll-free porting?',
    });
    expect(asking.sources[0]?.title).toBe('Northspan asked how long toll-free number porting takes');
  });

  it('puts what answers before chatter whose body tells of a buyer asking the same thing', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Ines',
      account: 'Lakeshore Towers',
      title: 'Lakeshore Towers: $1.8M facade special assessment in installments',
      body: 'Lakeshore Towers approved a $1.8M special assessment for facade repairs. Owners can pay in full or over 24 monthly installments, and the board treasurer asked whether we track the installment plan per owner.',
    });
    await seedEntry(db, {
      kind: 'expert',
      title: 'Association management',
      body: 'Special assessments can be billed at once or as an installment plan per owner, with late fees from the association’s own rules.',
    });

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'Can an owner pay a special assessment on an installment plan?',
    });
    expect(answer.sources.map((source) => source.title)).toEqual([
      'Association management',
      'Lakeshore Towers: $1.8M facade special assessment in installments',
    ]);
  });

  it('answers how we work from our experts before market research on the subject', async () => {
    await seedBackground();
    await seedEntry(db, {
      kind: 'research',
      title: 'Fair workweek rules in 2026',
      body: 'Fair workweek rules now cover restaurants in six cities; fair workweek fines reached $500 per shift.',
    });
    await seedEntry(db, {
      kind: 'expert',
      title: 'Scheduling',
      body: 'Schedules posted 14 days ahead and predictability pay handle fair workweek rules for our customers.',
    });

    const answer = await earshot.ask({ workspaceId: 'acme', question: 'Do we handle fair workweek rules?' });
    expect(answer.sources.map((source) => source.kind)).toEqual(['expert', 'research']);
  });

  it('quotes the sentence with the duration when asked how long', async () => {
    await seedBackground();
    await seedEntry(db, {
      author: 'Marcus',
      account: 'Oakvale',
      body: 'NetSuite rollouts were the main topic at Oakvale. Their controller asked about the NetSuite connector and saved searches. Most NetSuite customers go live in six to eight weeks, per our services team.',
    });

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'How long does a NetSuite rollout take?',
    });

    expect(answer.heard).toBe(true);
    expect(answer.field.statements[0]?.text).toContain(
      'Most NetSuite customers go live in six to eight weeks, per our services team.',
    );
    expect(answer.field.statements[0]?.text).not.toContain('saved searches');
  });

  it('quotes the sentence that says how many times as often when asked how much more likely', async () => {
    await seedBackground();
    await seedEntry(db, {
      kind: 'research',
      title: 'Callback speed and demo bookings',
      body: 'Leads we call back within ten minutes are likely to book a demo: 12,000 of the 40,000 leads in the study did. That is 3.1 times as often as leads called back the next day.',
      url: 'https://example.com/callback-study',
    });

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'how much more likely is a demo if we call a lead back within ten minutes?',
    });

    expect(answer.sources.map((source) => source.title)).toEqual(['Callback speed and demo bookings']);
    expect(answer.objective.statements[0]?.text).toContain('3.1 times as often');
  });

  it('quotes an edited entry from its new text, not the text it had when last asked', async () => {
    await seedBackground();
    const entry = await seedEntry(db, {
      author: 'Marcus',
      account: 'Oakvale',
      body: 'Oakvale asked about the NetSuite connector. Most NetSuite customers go live in six to eight weeks.',
    });
    const question = { workspaceId: 'acme', question: 'How long does a NetSuite rollout take?' };
    expect((await earshot.ask(question)).field.statements[0]?.text).toContain('six to eight weeks');

    await new EntryStore(db).edit('acme', entry.id, {
      body: 'Oakvale asked about the NetSuite connector. Most NetSuite customers now go live in ten to twelve weeks.',
    });

    const text = (await earshot.ask(question)).field.statements[0]?.text;
    expect(text).toContain('ten to twelve weeks');
    expect(text).not.toContain('six to eight weeks');
  });

  it('never answers one workspace from another workspace’s entries', async () => {
    await seedEntry(db, { workspaceId: 'acme', body: 'Acme heard that SAP migrations are stalling.' });
    const answer = await earshot.ask({
      workspaceId: 'globex',
      question: 'What are you hearing about SAP migrations?',
    });
    expect(answer.heard).toBe(false);
    const own = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about SAP migrations?',
    });
    expect(own.heard).toBe(true);
  });

  it('records feedback on a logged question, one vote per person', async () => {
    await seedEntry(db, { body: 'Buyers love the NetSuite connector.' });
    const answer = await earshot.ask({ workspaceId: 'acme', question: 'NetSuite connector?' });
    await earshot.questions.recordFeedback({
      workspaceId: 'acme',
      questionId: answer.questionId,
      userId: 'U1',
      helpful: false,
    });
    await earshot.questions.recordFeedback({
      workspaceId: 'acme',
      questionId: answer.questionId,
      userId: 'U1',
      helpful: true,
    });
    await earshot.questions.recordFeedback({
      workspaceId: 'acme',
      questionId: answer.questionId,
      userId: 'U2',
      helpful: true,
    });
    const [logged] = await earshot.questions.list({ workspaceId: 'acme' });
    expect(logged).toMatchObject({ answered: true, helpful: 2, notHelpful: 0 });
    await expect(
      earshot.questions.recordFeedback({
        workspaceId: 'globex',
        questionId: answer.questionId,
        userId: 'U3',
        helpful: true,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps each answer as it was given, for sharing later, within its workspace only', async () => {
    await seedEntry(db, {
      author: 'Maya',
      account: 'Harborview',
      body: 'Harborview wants Okta SSO.',
      url: 'https://example.com/a',
    });
    const answer = await earshot.ask({ workspaceId: 'acme', question: 'Okta SSO?' });
    expect(await earshot.questions.answerOf('acme', answer.questionId)).toEqual(answer);
    expect(await earshot.questions.answerOf('globex', answer.questionId)).toBeNull();
  });
});
