import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

describe.each(DATABASE_KINDS)('search by word form and language on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
    await seedEntry(db, { title: 'Demo feedback', body: 'The buyer liked the dashboard demo.' });
    await seedEntry(db, { title: 'Globex', body: 'Globex decided to go with us after the pilot.' });
    await seedEntry(db, { title: 'Hosting', body: 'Umbrella can only run it on-prem.' });
    await seedEntry(db, { title: 'Budget', body: 'Their R&D budget is frozen until Q3.' });
    await seedEntry(db, {
      title: 'Precio Acme',
      body: 'El director financiero de Acme dijo que el precio es demasiado alto.',
    });
  });
  afterEach(() => earshot.close());

  const titles = async (query: string) =>
    (await earshot.search.search({ workspaceId: 'acme', query, limit: 10, filters: {} })).map(
      (hit) => hit.entry.title,
    );

  it('finds what was said in another word form, spelling or language', async () => {
    expect(await titles('Who made the decision at Globex?')).toEqual(['Globex']);
    expect(await titles('onprem hosting')).toEqual(['Hosting']);
    expect(await titles('R&D')).toEqual(['Budget']);
    expect(await titles('¿Qué dijo el director financiero sobre el precio?')).toEqual(['Precio Acme']);
  });
});
