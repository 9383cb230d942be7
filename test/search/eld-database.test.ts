import { describe, expect, it } from 'vitest';
import { languagesDatabaseJson } from '../../scripts/eld-languages.ts';
import { ELD_DATABASE_JSON } from '../../src/knowledge/search/eld-database.ts';
import { detectLanguage } from '../../src/knowledge/search/language.ts';

describe('the language detector database', () => {
  it('is the installed eld database cut to our languages (after upgrading eld: npx tsx scripts/eld-languages.ts)', () => {
    expect(ELD_DATABASE_JSON).toBe(languagesDatabaseJson());
  });

  it('settles what function words leave open', () => {
    // Few function words: these reach the trigram detector.
    expect(detectLanguage('Ciberseguridad, facturación electrónica y conciliación bancaria')).toBe('es');
    expect(detectLanguage('Rechnungsverarbeitung, Freigabeworkflow, Zahlungsläufe')).toBe('de');
  });
});
