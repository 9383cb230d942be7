import { describe, expect, it } from 'vitest';
import { analyze, detectLanguage } from '../../src/knowledge/search/analyzer.ts';

describe('analyze', () => {
  it('maps inflections and capitalization of a word to the same term', () => {
    expect(analyze('Pricing')).toEqual(analyze('prices'));
    expect(analyze('integrations')).toEqual(analyze('Integration'));
  });

  it('keeps compliance and product names that mix letters and digits', () => {
    expect(analyze('SOC2, GDPR and O365 came up')).toEqual(expect.arrayContaining(['soc2', 'gdpr', 'o365']));
  });

  it('drops function words, so a question keeps only what it is about', () => {
    expect(analyze('What are they saying about the')).toEqual(analyze('saying'));
    expect(analyze('is it that we were there')).toEqual([]);
  });

  it('keeps numbers and amounts whole', () => {
    const terms = analyze('2,000 seats at $40k, version 3.5');
    expect(terms).toEqual(expect.arrayContaining(['2000', '40k', '3.5']));
  });

  it('treats curly and straight apostrophes alike and ignores possessives', () => {
    expect(analyze('Acme’s CFO doesn’t sign')).toEqual(analyze("Acme's CFO doesn't sign"));
    expect(analyze("Acme's")).toEqual(analyze('Acme'));
  });

  it('folds accents on Latin letters and full-width forms', () => {
    expect(analyze('Café résumé')).toEqual(analyze('cafe resume'));
    expect(analyze('ＳＯＣ２')).toEqual(['soc2']);
  });

  it('splits unspaced scripts into words so part of a sentence can match', () => {
    const sentence = analyze('客户关心数据安全');
    expect(sentence.length).toBeGreaterThan(1);
    expect(sentence).toEqual(expect.arrayContaining(analyze('安全')));
  });

  it('keeps IT and US when written as the names they are', () => {
    expect(analyze('IT asked about US data residency')).toEqual(expect.arrayContaining(['it', 'us']));
    expect(analyze('it is up to us')).toEqual([]);
  });
});

describe('word forms', () => {
  const same = (...texts: string[]) => {
    const first = analyze(texts[0] as string, 'en');
    for (const text of texts.slice(1)) expect(analyze(text, 'en'), text).toEqual(first);
  };

  it('puts a verb and the noun derived from it on one term', () => {
    same('decide', 'decision', 'decided', 'decisions', 'deciding');
    same('integrate', 'integration', 'integrations', 'integrated');
    same('renew', 'renewal', 'renewals', 'renewed');
    same('price', 'pricing', 'priced', 'prices');
    same('implement', 'implementation', 'implemented');
    same('evaluate', 'evaluation', 'evaluating');
    same('expand', 'expansion');
    same('retain', 'retention');
    same('comply', 'compliance', 'compliant');
    same('compete', 'competitor', 'competition', 'competitive');
  });

  it('keeps apart words that only look alike', () => {
    expect(analyze('customer', 'en')).not.toEqual(analyze('customize', 'en'));
    expect(analyze('security', 'en')).not.toEqual(analyze('secured', 'en'));
    expect(analyze('integrity', 'en')).not.toEqual(analyze('integration', 'en'));
    expect(analyze('news', 'en')).not.toEqual(analyze('new', 'en'));
    expect(analyze('general', 'en')).not.toEqual(analyze('generous', 'en'));
  });

  it('meets British and American spellings', () => {
    same('organize', 'organise');
    same('licence', 'license');
    same('prioritize', 'prioritise');
  });

  it('meets acronym plurals with their singular and keeps names that end in s', () => {
    same('API', 'APIs', 'apis');
    same('CFO', 'CFOs', 'cfos');
    same('RFP', 'RFPs');
    expect(analyze('AWS SaaS iOS', 'en')).toEqual(['aws', 'saas', 'ios']);
  });

  it('reads the shorthand reps type as the whole word', () => {
    same('engine hours', 'engine hrs', 'engine hr');
    same('3 years', '3 yrs');
    same('management', 'mgmt');
    same('documentation', 'docs');
    // Short forms that mean several things stay themselves.
    expect(analyze('min', 'en')).not.toEqual(analyze('minutes', 'en'));
  });

  it('puts a country and its adjective on one term, unless the adjective is also a language', () => {
    same('Canada hosting', 'Canadian hosting');
    same('Mexico', 'Mexican');
    expect(analyze('French', 'en')).not.toEqual(analyze('France', 'en'));
  });
});

describe('compounds and abbreviations', () => {
  const shares = (text: string, other: string) =>
    expect(
      analyze(text, 'en').filter((term) => analyze(other, 'en').includes(term)),
      `${text} / ${other}`,
    ).not.toEqual([]);

  it('joins hyphenated and spaced compounds so every spelling shares a term', () => {
    for (const form of ['on-prem', 'on prem', 'on-premise', 'on-premises', 'on premises'])
      shares(form, 'onprem');
    for (const form of ['e-mail', 'e mail', 'emails']) shares(form, 'email');
    shares('sign-on', 'signon');
    shares('check-out', 'checkout');
    shares('health care', 'healthcare');
  });

  it('does not join words whose spaced form means something else', () => {
    expect(analyze('check out the demo', 'en')).not.toContain(analyze('checkout', 'en')[0]);
  });

  it('keeps abbreviations written with & as one term and drops stray letters', () => {
    expect(analyze('R&D budget, P&L, M&A and AT&T', 'en')).toEqual(['r&d', 'budget', 'p&l', 'm&a', 'at&t']);
    expect(analyze('vitamin D and T cells', 'en')).toEqual(['vitamin', 'cell']);
  });

  it('keeps a company named by its web address as one name', () => {
    expect(analyze('lost to Bill.com and Monday.com on price', 'en')).toEqual([
      'lost',
      'bill.com',
      'monday.com',
      'price',
    ]);
    expect(analyze('Bill.com', 'en')).not.toContain(analyze('bills', 'en')[0]);
  });

  it('writes SOC 2 one way however it is spelled', () => {
    for (const form of ['SOC 2', 'SOC-2', 'soc 2']) expect(analyze(form, 'en')).toContain('soc2');
    expect(analyze('SOC2', 'en')).toEqual(['soc2']);
  });

  it('keeps short acronyms, even those spelled like function words', () => {
    expect(analyze('SSO SAML POC ERP AP AR', 'en')).toEqual(['sso', 'saml', 'poc', 'erp', 'ap', 'ar']);
    expect(analyze('U.S. teams, e.g. IT', 'en')).toEqual(['us', 'team', 'it']);
  });
});

describe('other languages', () => {
  it('detects the language of questions and entries, English by default', () => {
    expect(detectLanguage('¿Qué dicen los clientes sobre el precio?')).toBe('es');
    expect(detectLanguage("Qu'est-ce que les clients disent du prix ?")).toBe('fr');
    expect(detectLanguage('Was sagen die Kunden zum Preis?')).toBe('de');
    expect(detectLanguage('O que os clientes dizem sobre o preço?')).toBe('pt');
    expect(detectLanguage('What are customers saying about pricing?')).toBe('en');
    expect(detectLanguage('SSO SAML setup')).toBe('en');
  });

  it('drops each language’s function words and stems its words', () => {
    expect(analyze('¿Qué dicen los clientes sobre el precio?')).toEqual(analyze('cliente precios', 'es'));
    expect(analyze('Les clients et les renouvellements', 'fr')).toEqual(
      analyze('client renouvellement', 'fr'),
    );
    expect(analyze('Die Kunden wollen Rabatte', 'de')).toEqual(analyze('Kunde wollen Rabatt', 'de'));
    expect(analyze('Os clientes pedem descontos', 'pt')).toEqual(analyze('cliente pedem desconto', 'pt'));
  });

  it('puts a decision and deciding on one term in each language', () => {
    for (const [language, text] of [
      ['es', 'decisión decisiones decidir decidió'],
      ['fr', 'décision décisions décider décidé'],
      ['de', 'Entscheidung Entscheidungen entscheiden'],
      ['pt', 'decisão decisões decidir decidiu'],
    ] as const) {
      expect(new Set(analyze(text, language)).size, language).toBe(1);
    }
  });

  it('meets words typed with and without accents', () => {
    expect(analyze('décision', 'fr')).toEqual(analyze('decision', 'fr'));
    expect(analyze('sí, la reunión', 'es')).toEqual(analyze('si, la reunion', 'es'));
    expect(analyze('implementación', 'es')).toEqual(analyze('implementacion', 'es'));
    expect(analyze('renovação', 'pt')).toEqual(analyze('renovacao', 'pt'));
    expect(analyze('Verlängerung', 'de')).toEqual(analyze('Verlaengerung', 'de'));
    expect(analyze('Straße', 'de')).toEqual(analyze('strasse', 'de'));
  });

  it('splits French elisions and keeps German compounds whole', () => {
    expect(analyze("l'intégration d'Okta", 'fr')).toEqual(analyze('intégration Okta', 'fr'));
    expect(analyze('Sicherheitsfragebogen', 'de')).toHaveLength(1);
    expect(analyze('NetSuite-Einführung', 'de')).toEqual(expect.arrayContaining(analyze('Einführung', 'de')));
  });

  it('keeps English scientific prose English, loan words and accented names included', () => {
    const abstract =
      'Erythroid Krüppel-like factor activates de novo synthesis in vitro, as reported by Smith et al. The IL-2 levels rose.';
    expect(detectLanguage(abstract)).toBe('en');
    expect(analyze(abstract)).toEqual(analyze(abstract, 'en'));
    expect(analyze('Activation of PPM1D enhances p53 function.')).toEqual([
      'activ',
      'ppm1d',
      'enhanc',
      'p53',
      'function',
    ]);
  });
});
