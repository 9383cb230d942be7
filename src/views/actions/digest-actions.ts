/** Buttons and forms on the digest. */
export const DIGEST_VIEW_ACTIONS = {} as const;
