/** Reciprocal rank fusion's damping constant, as in Cormack et al. (2009). */
const RRF_K = 60;

/** Merges ranked id lists by reciprocal rank fusion; ties keep the lower id first. */
export function fuseRankings(rankings: number[][]): Array<{ id: number; score: number }> {
  const scores = new Map<number, number>();
  for (const ranking of rankings) {
    ranking.forEach((id, rank) => {
      scores.set(id, (scores.get(id) ?? 0) + 1 / (RRF_K + rank + 1));
    });
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id);
}
