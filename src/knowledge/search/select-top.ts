/**
 * The `limit` best candidates, best first, by a bounded heap. `accept` runs only for candidates that
 * would enter the heap, so an expensive filter is called on few documents yet never starves the result.
 */
export function selectTop(
  candidates: ArrayLike<number>,
  limit: number,
  better: (a: number, b: number) => boolean,
  accept: (candidate: number) => boolean,
): number[] {
  const heap: number[] = []; // worst kept candidate at the root
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i] as number;
    if (heap.length === limit && !better(candidate, heap[0] as number)) continue;
    if (!accept(candidate)) continue;
    if (heap.length < limit) {
      heap.push(candidate);
      siftUp(heap, heap.length - 1, better);
    } else {
      heap[0] = candidate;
      siftDown(heap, 0, better);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

function siftUp(heap: number[], index: number, better: (a: number, b: number) => boolean): void {
  let child = index;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if (!better(heap[parent] as number, heap[child] as number)) return;
    swap(heap, parent, child);
    child = parent;
  }
}

function siftDown(heap: number[], index: number, better: (a: number, b: number) => boolean): void {
  let parent = index;
  for (;;) {
    const left = 2 * parent + 1;
    const right = left + 1;
    let worst = parent;
    if (left < heap.length && better(heap[worst] as number, heap[left] as number)) worst = left;
    if (right < heap.length && better(heap[worst] as number, heap[right] as number)) worst = right;
    if (worst === parent) return;
    swap(heap, parent, worst);
    parent = worst;
  }
}

function swap(heap: number[], a: number, b: number): void {
  const held = heap[a] as number;
  heap[a] = heap[b] as number;
  heap[b] = held;
}
