import { type Html, html } from './html.ts';

const BAR_WIDTH = 160;
const BAR_HEIGHT = 14;

/**
 * A horizontal bar for a value out of `max`, as inline SVG (attributes, not styles, so the console's
 * Content-Security-Policy allows it). Decorative: the value is always written next to it.
 */
export function bar(value: number, max: number): Html {
  const width = max > 0 ? Math.round((value / max) * BAR_WIDTH) : 0;
  return html`<svg class="bar" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" aria-hidden="true" focusable="false"><rect width="${BAR_WIDTH}" height="${BAR_HEIGHT}" fill="#e4e8ee"/><rect width="${width}" height="${BAR_HEIGHT}" fill="#0b4f8a"/></svg>`;
}
