/**
 * The citations of one statement, each linked through `link` when its source has somewhere to go and
 * `[n]` otherwise, within `maxChars` (plain numbers once links no longer fit, then "…").
 */
export function citationList(
  citations: number[],
  targets: ReadonlyMap<number, string | null>,
  link: (target: string, label: string) => string,
  maxChars: number,
): string {
  let out = '';
  for (const n of new Set(citations)) {
    const plain = `[${n}]`;
    const target = targets.get(n);
    const linked = target ? link(target, plain) : plain;
    if (out.length + linked.length <= maxChars) out += linked;
    else if (out.length + plain.length + 1 <= maxChars) out += plain;
    else return `${out}…`;
  }
  return out;
}
