/**
 * Builds the Teams app package to upload (side-load) from manifest/teams: the manifest with the bot's
 * app id and public host filled in, and the two icons.
 *   MICROSOFT_APP_ID=… EARSHOT_PUBLIC_HOST=earshot.example.com npm run teams:package [-- OUT.zip]
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { z } from 'zod';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'manifest/teams');

const vars = z
  .object({
    MICROSOFT_APP_ID: z.uuid('must be the Azure Bot app (client) id, a GUID'),
    EARSHOT_PUBLIC_HOST: z
      .string()
      .regex(
        /^[a-z0-9.-]+(:\d+)?$/i,
        'must be the public host name of `earshot serve`, e.g. earshot.example.com (no https://)',
      ),
  })
  .safeParse(process.env);
if (!vars.success) {
  for (const issue of vars.error.issues) console.error(`${String(issue.path[0])}: ${issue.message}`);
  process.exit(2);
}

const template = await readFile(path.join(dir, 'manifest.template.json'), 'utf8');
const manifest = template.replace(
  /\{\{(\w+)\}\}/g,
  (_, name: 'MICROSOFT_APP_ID' | 'EARSHOT_PUBLIC_HOST') => vars.data[name],
);
JSON.parse(manifest);
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist/earshot-teams.zip'));
const zip = zipSync({
  'manifest.json': new TextEncoder().encode(manifest),
  'color.png': await readFile(path.join(dir, 'color.png')),
  'outline.png': await readFile(path.join(dir, 'outline.png')),
});
await writeFile(out, zip);
console.log(
  `Wrote ${path.relative(root, out)}: upload it in Teams → Apps → Manage your apps → Upload an app.`,
);
