import type { Line, MessageView, ViewButton, ViewItem } from './view-model.ts';

/**
 * A one-entry message (a review item, a due item) as one item of a longer list, so the list can be cut
 * by the truncation policy: its first line leads, its other lines follow, its buttons go in one row.
 */
export function itemFromView(view: MessageView, id: string): ViewItem {
  const lines: Line[] = [];
  const buttons: ViewButton[] = [];
  for (const block of view.blocks) {
    if (block.type === 'text') lines.push(...block.lines);
    if (block.type === 'heading') lines.push([{ text: block.text, bold: true }]);
    if (block.type === 'buttons') buttons.push(...block.buttons);
  }
  const [line = [view.fallback], ...details] = lines.filter((l) => l.length > 0);
  return { id, line, ...(details.length > 0 ? { details } : {}), ...(buttons.length > 0 ? { buttons } : {}) };
}
