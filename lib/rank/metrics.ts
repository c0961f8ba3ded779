/**
 * Ranking metrics that treat ties honestly: a scorer that gives many papers
 * the same score (keyword counts, a constant) is credited with the *expected*
 * result of breaking those ties at random, not with a lucky input order.
 */

/** Expected fraction of relevant items among the top k. NaN for an empty list. */
export function precisionAtK(scores: readonly number[], relevant: readonly boolean[], k: number): number {
  const n = Math.min(scores.length, relevant.length);
  const top = Math.min(k, n);
  if (top <= 0) return NaN;
  const order = [...Array(n).keys()].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  let hits = 0;
  let taken = 0;
  for (let i = 0; i < n && taken < top; ) {
    let j = i;
    let pos = 0;
    while (j < n && scores[order[j] ?? 0] === scores[order[i] ?? 0]) pos += relevant[order[j++] ?? 0] ? 1 : 0;
    const group = j - i;
    const take = Math.min(group, top - taken);
    hits += (pos * take) / group;
    taken += take;
    i = j;
  }
  return hits / top;
}

/** Area under the ROC curve (Mann–Whitney, ties count half). NaN without both classes. */
export function auc(scores: readonly number[], relevant: readonly boolean[]): number {
  const n = Math.min(scores.length, relevant.length);
  const order = [...Array(n).keys()].sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let nPos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && scores[order[j] ?? 0] === scores[order[i] ?? 0]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let p = i; p < j; p++) {
      if (relevant[order[p] ?? 0]) {
        nPos++;
        rankSum += midRank;
      }
    }
    i = j;
  }
  const nNeg = n - nPos;
  if (!nPos || !nNeg) return NaN;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
