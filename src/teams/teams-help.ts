import { CardFactory, type TurnContext } from 'botbuilder';
import { helpView } from '../views/help-view.ts';
import { renderTeamsCard } from './cards/render-card.ts';
import { TEAMS_HELP_SYNTAX } from './help-syntax.ts';

/** `help`, or a mention with no question: what Earshot does and how to use it in Teams. */
export async function sendHelp(context: TurnContext): Promise<void> {
  const card = renderTeamsCard(helpView(TEAMS_HELP_SYNTAX));
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}
