import type { types } from '@slack/bolt';
import { homeView as homeViewModel, type HomeInput as ViewHomeInput } from '../../views/home-view.ts';
import { slackHelpSyntax } from '../help-syntax.ts';
import { renderSlackHome } from './render-home.ts';

export { HOME_MAX_BLOCKS } from './render-home.ts';

export type HomeInput = Omit<ViewHomeInput, 'syntax'> & { captureEmoji?: string };

/** The home view as Slack's App Home tab. */
export function homeView({ captureEmoji = 'bulb', ...input }: HomeInput): types.HomeView {
  return renderSlackHome(homeViewModel({ ...input, syntax: slackHelpSyntax(captureEmoji) }));
}
