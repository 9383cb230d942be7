import type { HelpSyntax } from '../views/help-view.ts';

/** Earshot's features as Teams reaches them: words sent to Earshot, the message's … menu. */
export const TEAMS_HELP_SYNTAX: HelpSyntax = {
  verb: 'Send',
  // Quoted: Teams shows code as plain text, and the words must stand out from the sentence.
  command: (words) => `"${words}"`,
  literal: (words) => `"${words}"`,
  mention: '@Earshot',
  howToShare: [
    'Save a message with ',
    { text: 'Save to Earshot', bold: true },
    " (the message's … menu) to share a tip or what you heard.",
  ],
  home: 'command',
};
