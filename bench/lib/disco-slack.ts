import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Real Slack chat (DISCO dataset) for benchmarks; read in place, never copied into the project. */
export const DISCO_DIR = path.resolve(import.meta.dirname, '../../../shared/data/disco-slack');

export interface DiscoMessage {
  seconds: number;
  user: string;
  text: string;
}

/** Up to `limit` messages with text, taken in turn from each disco-slack XML file. */
export async function readDiscoMessages(limit: number, dir = DISCO_DIR): Promise<DiscoMessage[]> {
  const files = (await readdir(dir, { recursive: true }))
    .filter((file) => file.endsWith('.xml'))
    .sort()
    .map((file) => path.join(dir, file));
  if (files.length === 0) throw new Error(`no XML files under ${dir}`);
  const perFile = await Promise.all(files.map(async (file) => parseSlackXml(await readFile(file, 'utf8'))));
  const messages: DiscoMessage[] = [];
  for (let row = 0; messages.length < limit && perFile.some((list) => row < list.length); row += 1) {
    for (const list of perFile) {
      const message = list[row];
      if (message && messages.length < limit) messages.push(message);
    }
  }
  return messages;
}

export function parseSlackXml(xml: string): DiscoMessage[] {
  const messages: DiscoMessage[] = [];
  for (const [, inner = ''] of xml.matchAll(/<message\b[^>]*>([\s\S]*?)<\/message>/g)) {
    const field = (name: string) =>
      decodeXml(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(inner)?.[1] ?? '').trim();
    const text = field('text');
    if (!text) continue;
    const seconds = Math.floor(Date.parse(`${field('ts')}Z`) / 1000);
    const handle =
      field('user')
        .replace(/[^A-Za-z0-9]/g, '')
        .toUpperCase() || 'UNKNOWN';
    messages.push({ seconds: Number.isFinite(seconds) ? seconds : 1_546_300_800, user: `U${handle}`, text });
  }
  return messages;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}
