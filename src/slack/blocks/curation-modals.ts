/**
 * What the curation forms (now src/views/*-form.ts) lent other Slack blocks; kept so those blocks
 * need not change until they are ported to views.
 */
export { clip as plainText } from '../../views/clip.ts';
export { isoDay } from '../../views/iso-day.ts';
export { KIND_LABELS } from '../../views/kind-labels.ts';
