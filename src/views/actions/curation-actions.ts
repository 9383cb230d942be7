/** Buttons and forms curators use: review, edit, merge, due for review, save. */
export const CURATION_VIEW_ACTIONS = {} as const;
