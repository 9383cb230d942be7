/** Buttons and forms on a buying-trigger alert. */
export const NUDGE_VIEW_ACTIONS = {} as const;
