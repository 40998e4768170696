// The best k of a stream of scored items, best first: higher score, then smaller key (code-unit
// order, as compareMatches orders ids). An equal score and key keeps the earlier item ahead, so
// the result equals a stable sort of everything offered, cut to k.
export class TopK {
  private readonly scores: number[] = [];
  private readonly keys: string[] = [];
  private readonly refs: number[] = [];

  constructor(readonly k: number) {}

  get size(): number {
    return this.scores.length;
  }

  get full(): boolean {
    return this.scores.length >= this.k;
  }

  // Whether an item with this score (or any score up to it) and key could still get in. An equal
  // score can: the smaller key wins the tie, so only a strictly lower bound rules an item out.
  admits(score: number, key: string): boolean {
    if (this.scores.length < this.k) return true;
    if (this.k <= 0) return false;
    const last = this.scores.length - 1;
    const worst = this.scores[last];
    return score > worst || (score === worst && key < this.keys[last]);
  }

  // Whether nothing scoring at most `bound` can get in, whatever its key.
  closedBelow(bound: number): boolean {
    return this.k <= 0 || (this.full && bound < this.scores[this.scores.length - 1]);
  }

  offer(score: number, key: string, ref: number): void {
    if (!this.admits(score, key)) return;
    let i = this.scores.length;
    while (i > 0) {
      const s = this.scores[i - 1];
      if (s > score || (s === score && this.keys[i - 1] <= key)) break;
      i--;
    }
    this.scores.splice(i, 0, score);
    this.keys.splice(i, 0, key);
    this.refs.splice(i, 0, ref);
    if (this.scores.length > this.k) {
      this.scores.pop();
      this.keys.pop();
      this.refs.pop();
    }
  }

  // The refs of the kept items, best first.
  items(): number[] {
    return [...this.refs];
  }

  // Their scores, best first.
  itemScores(): number[] {
    return [...this.scores];
  }
}
