// The end of a stored list: how long it is and its last entry (score, and the id that breaks
// ties — lists order equal scores by ascending id).
export interface ListTail {
  size: number;
  lastScore: number;
  lastId: string;
}

// When one subject (a participant or a project) is re-scored, whose lists on the other side
// change: those holding it at a different score or no longer passing, and those it now enters.
// Exact (ties included), so re-scoring what this returns settles instead of ping-ponging.
export function affectedLists(
  subjectId: string,
  // Other side id → the pair's score, for every pair that passes the hard filters now.
  scores: ReadonlyMap<string, number>,
  // Other side id → the score stored for this subject in that list.
  held: ReadonlyMap<string, number>,
  // Other side id → the end of its list (absent: the list is empty).
  tails: ReadonlyMap<string, ListTail>,
  k: number,
): string[] {
  const affected: string[] = [];
  for (const [other, stored] of held) {
    if (scores.get(other) !== stored) affected.push(other);
  }
  for (const [other, score] of scores) {
    if (held.has(other)) continue;
    const tail = tails.get(other);
    const enters =
      !tail ||
      tail.size < k ||
      score > tail.lastScore ||
      (score === tail.lastScore && subjectId < tail.lastId);
    if (enters) affected.push(other);
  }
  return affected.sort();
}
