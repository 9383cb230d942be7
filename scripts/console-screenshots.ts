/**
 * Screenshots of the console's main pages for the README, from a running `earshot serve`:
 *   tsx scripts/console-screenshots.ts "$(earshot console link --org ORG --as CURATOR_EMAIL | head -1)" docs/console
 * Uses Debian's Chromium, as the browser tests do.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const PAGES = [
  { name: 'knowledge', path: '/console?q=What+are+you+hearing+about+SOC+2%3F' },
  { name: 'review', path: '/console/review' },
  { name: 'insight', path: '/console/insight' },
  { name: 'import', path: '/console/import' },
  { name: 'references', path: '/console/references' },
  { name: 'accounts', path: '/console/accounts' },
  { name: 'triggers', path: '/console/triggers' },
];

const [link, outDir = 'docs/console'] = process.argv.slice(2);
if (!link) throw new Error('Pass the one-time sign-in link that `earshot console link` prints.');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/console\/?$/);
  const origin = new URL(link).origin;
  await mkdir(outDir, { recursive: true });
  for (const shot of PAGES) {
    await page.goto(`${origin}${shot.path}`);
    await page.screenshot({ path: path.join(outDir, `${shot.name}.png`), fullPage: false });
    process.stdout.write(`${path.join(outDir, `${shot.name}.png`)}\n`);
  }
  // An entry's page: the one the knowledge page's answer cites first.
  await page.goto(`${origin}${PAGES[0]?.path}`);
  await page.locator('main a[href^="/console/entries/"]').first().click();
  await page.screenshot({ path: path.join(outDir, 'entry.png'), fullPage: false });
  process.stdout.write(`${path.join(outDir, 'entry.png')}\n`);
} finally {
  await browser.close();
}
