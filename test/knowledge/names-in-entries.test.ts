import { describe, expect, it } from 'vitest';
import { namesInEntries } from '../../src/knowledge/answer/names-in-entries.ts';
import { analyze } from '../../src/knowledge/search/analyzer.ts';

const termsOf = (text: string) => new Set(analyze(text, 'en'));

describe('names the entries write', () => {
  const entries = [
    {
      title: 'Harborline renewal at risk',
      body: 'We met Harborline on Monday. Their CIO wants the contract redlined before March. Contract talks resume next week.',
    },
  ];

  it('reads a word capitalized inside a sentence, or an acronym, as a name', () => {
    const names = namesInEntries(termsOf('harborline cio'), entries);
    expect(names).toEqual(termsOf('harborline cio'));
  });

  it('does not read a word the entries also write in lower case, or capitalize only at a sentence start', () => {
    expect(namesInEntries(termsOf('contract renewal'), entries).size).toBe(0);
  });

  it('passes over Title Case titles and German, where capitals mark every word', () => {
    const titled = [{ title: 'Security Questionnaire Turnaround Times', body: 'It took nine days.' }];
    expect(namesInEntries(termsOf('questionnaire turnaround'), titled).size).toBe(0);
    const german = [{ title: 'Notiz', body: 'Der Kunde will die Abrechnung im Januar umstellen.' }];
    expect(namesInEntries(new Set(analyze('abrechnung kunde', 'en')), german).size).toBe(0);
  });

  it('reads the account an entry was heard from as a name, however its sentences open', () => {
    const heard = [
      {
        title: 'Pagecraft thinks we are too much tool',
        body: 'Pagecraft wants less.',
        sourceAccount: 'Pagecraft',
      },
    ];
    expect(namesInEntries(termsOf('pagecraft tool'), heard)).toEqual(termsOf('pagecraft'));
  });

  it('reads a word the entries also use as a word as part of a name where the question sets it beside the rest', () => {
    const competitor = [
      {
        title: 'Lost to a cheaper tool',
        body: 'They chose Help Scout over us. Our help center impressed them.',
      },
    ];
    const terms = termsOf('help scout');
    const [help, scout] = [...terms] as [string, string];
    expect(namesInEntries(terms, competitor, [[help, scout]])).toEqual(terms);
    expect(namesInEntries(terms, competitor)).toEqual(termsOf('scout'));
    expect(namesInEntries(termsOf('help center'), competitor, [[help, 'center']]).size).toBe(0);
  });
});
