/** Buttons on the home view beyond the curation actions its review and due items reuse. */
export const HOME_VIEW_ACTIONS = {} as const;
