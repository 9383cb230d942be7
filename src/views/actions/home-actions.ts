/** Buttons on the home view and help. */
export const HOME_VIEW_ACTIONS = {} as const;
