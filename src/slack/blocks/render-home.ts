import type { types } from '@slack/bolt';
import { fitView } from '../../views/fit-view.ts';
import type { MessageView } from '../../views/view-model.ts';
import { renderBlocks, withinSlackLimits } from './render-message.ts';

/** Slack refuses a Home view with more than 100 blocks (a message holds 50). */
export const HOME_MAX_BLOCKS = 100;

/** A view as the App Home tab, within its limits (cut by the one policy in fit-view.ts). */
export function renderSlackHome(view: MessageView): types.HomeView {
  const fitted = fitView(view, (candidate) => withinSlackLimits(renderBlocks(candidate), HOME_MAX_BLOCKS));
  return { type: 'home', blocks: renderBlocks(fitted) };
}
