import type { Digest, DigestExample, DigestTheme } from '../digest/digest.ts';
import { clip } from './clip.ts';
import { counted, personSpan } from './digest-credit.ts';
import { SHOWN_IN_CHAT } from './digest-section.ts';
import type { Line, ViewBlock, ViewItem } from './view-model.ts';

const MAX_LABEL = 80;
const MAX_EXCERPT = 300;
const MAX_ACCOUNT = 80;

/** What the field is hearing: how much chatter came in, then its themes with a few quotes each. */
export function fieldSection(digest: Digest): ViewBlock[] {
  const { chatter, themes } = digest;
  if (chatter.entries === 0) return [];
  const intro = `${counted(chatter.entries, 'new field note')} from ${counted(chatter.reps, 'rep')} across ${counted(chatter.accounts, 'account')}.`;
  return [
    { type: 'text', lines: [[{ text: 'What the field is hearing', bold: true }], [intro]] },
    {
      type: 'list',
      noun: 'theme',
      items: themes.items.map(themeItem),
      max: SHOWN_IN_CHAT.themes,
      more: themes.more,
    },
  ];
}

function themeItem(theme: DigestTheme): ViewItem {
  return {
    line: [
      { text: clip(theme.label, MAX_LABEL) || 'Other', bold: true },
      ` · ${counted(theme.entries, 'note')} from ${counted(theme.reps, 'rep')} across ${counted(theme.accounts, 'account')}`,
    ],
    details: theme.examples.slice(0, SHOWN_IN_CHAT.examples).map(exampleLine),
  };
}

/** • “quote” — author, account; the quote links to its source when the link is safe. */
function exampleLine(example: DigestExample): Line {
  const quote = `“${clip(example.excerpt || example.title, MAX_EXCERPT)}”`;
  const by: Line = [];
  if (example.author) by.push(personSpan(example.author));
  if (example.account) by.push(clip(example.account, MAX_ACCOUNT));
  const who: Line = by.length > 0 ? [' — ', ...by.flatMap((span, i) => (i > 0 ? [', ', span] : [span]))] : [];
  return ['• ', { text: quote, href: example.url }, ...who];
}
