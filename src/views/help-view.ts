import type { Line, MessageView, ViewBlock } from './view-model.ts';

/** How features are reached on one platform; the help itself is the same everywhere. */
export interface HelpSyntax {
  /** How a command is given: "Type" (a slash command) or "Send" (a message to Earshot). */
  verb: 'Type' | 'Send';
  /** A command as the person writes it: `/earshot digest` in Slack, "digest" in Teams. */
  command: (words: string) => string;
  /** Words to type as they are, e.g. a command's option. */
  literal: (words: string) => string;
  /** How Earshot is mentioned in a channel. */
  mention: string;
  /** How a message is saved to Earshot on this platform. */
  howToShare: Line;
  /** Where the personal home is: a tab of its own (Slack's App Home) or the `home` command. */
  home: 'tab' | 'command';
}

/** `/earshot help` in Slack, `help` (or an empty mention) in Teams: what Earshot does and how. */
export function helpView(syntax: HelpSyntax): MessageView {
  return {
    fallback: 'What Earshot does and how to use it',
    blocks: [
      {
        type: 'text',
        lines: [
          [
            { text: 'Earshot', bold: true },
            ' tells you what the field is hearing — tips and intel your colleagues shared, research and expert content — with every claim cited.',
          ],
        ],
      },
      featureList(syntax, { curator: true }),
    ],
  };
}

/** The home's "What you can do": the same features as the help, curators' only for curators. */
export function whatYouCanDo(syntax: HelpSyntax, options: { curator: boolean }): ViewBlock[] {
  return [{ type: 'text', lines: [[{ text: 'What you can do', bold: true }]] }, featureList(syntax, options)];
}

function featureList(syntax: HelpSyntax, options: { curator: boolean }): ViewBlock {
  const code = (words: string) => ({ code: syntax.command(words) });
  const feature = (name: string, ...how: Line): Line => ['• ', { text: name, bold: true }, ' — ', ...how];
  const items = [
    feature(
      'Ask what the field is hearing',
      `${syntax.verb} `,
      code('what are buyers saying about SSO?'),
      `, or mention ${syntax.mention} in a channel or a direct message. Every claim is cited; reply to the answer to follow up.`,
    ),
    feature(
      'Share what you hear',
      ...syntax.howToShare,
      ' Curators review it before it shows up in answers.',
    ),
    feature(
      'Reference customers',
      `${syntax.verb} `,
      code('references healthcare'),
      ' (any industry, product or use case) to see which can take a call now, with a button to request one.',
    ),
    feature(
      'Weekly digest',
      code('digest weekly mon 09:00'),
      ' posts what the field is hearing here each week (add a time zone, ',
      { code: syntax.literal('topics: pricing, sso') },
      ' or ',
      { code: syntax.literal('for curators') },
      '); ',
      code('digest'),
      ' shows its schedule, ',
      code('digest preview'),
      ' shows one now, ',
      code('digest off'),
      ' stops it.',
    ),
    feature(
      'Your home',
      ...(syntax.home === 'tab' ? ["Open Earshot's Home tab"] : [`${syntax.verb} `, code('home')]),
      ' for what you shared and how often answers cited it.',
    ),
  ];
  if (options.curator) {
    items.push(
      feature(
        'Curators: capture a channel',
        code('watch'),
        ' in a channel keeps the tips and field intel posted there for review; ',
        code('unwatch'),
        ' stops it.',
      ),
      feature(
        'Curators: review',
        ...(syntax.home === 'tab'
          ? ["Earshot's Home tab lists the review queue and the entries due for review."]
          : [
              `${syntax.verb} `,
              code('review'),
              ' for the review queue, ',
              code('review due'),
              ' for entries due for review; ',
              code('home'),
              ' shows both.',
            ]),
      ),
    );
  }
  // Text, not a list: the truncation policy may shorten lists, and no feature may be cut from the help.
  return { type: 'text', lines: items };
}
