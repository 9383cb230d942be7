import type { MessageView } from '../../views/view-model.ts';
import { type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';
import { messageViewHtml } from './message-view-html.ts';

/** What the subscription's digest would post now, as the chat message reads. */
export function digestPreviewPage(options: {
  viewer: Viewer;
  id: number;
  where: string;
  view: MessageView;
}): Html {
  const { viewer, id, where, view } = options;
  return layout({
    title: `Digest preview: ${where}`,
    viewer,
    current: 'digests',
    body: html`<h1>Digest preview for ${where}</h1>
<p class="muted">What the digest would say if it were posted now (since the channel's last digest).
Nothing is posted. Questions asked in private conversations are counted, not shown.</p>
<section class="digest-preview" aria-label="Digest">${messageViewHtml(view)}</section>
<p><a href="/console/digests/${id}">Back to this digest's settings</a></p>`,
  });
}
