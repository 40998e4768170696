// The best k of a stream of scored items, best first: higher score, then smaller key (code-unit
// order, as compareMatches orders ids). An equal score and key keeps the earlier item ahead, so
// the result equals a stable sort of everything offered, cut to k.
export class TopK {
  private readonly scores: Float64Array;
  private readonly refs: Int32Array;
  private readonly keys: string[];
  private count = 0;

  constructor(readonly k: number) {
    const size = Math.max(0, Math.floor(k));
    this.scores = new Float64Array(size);
    this.refs = new Int32Array(size);
    this.keys = new Array<string>(size).fill('');
  }

  // Whether an item with this score (or any score up to it) and key could still get in. An equal
  // score can: the smaller key wins the tie, so only a strictly lower bound rules an item out.
  admits(score: number, key: string): boolean {
    if (this.count < this.scores.length) return true;
    if (this.count === 0) return false;
    const worst = this.scores[this.count - 1];
    return score > worst || (score === worst && key < this.keys[this.count - 1]);
  }

  // Whether nothing scoring at most `bound` can get in, whatever its key.
  closedBelow(bound: number): boolean {
    const size = this.scores.length;
    return size === 0 || (this.count === size && bound < this.scores[size - 1]);
  }

  // Empties it for another stream, keeping k.
  clear(): void {
    this.count = 0;
  }

  // `ref` is the caller's handle on the item (an index), handed back by items().
  offer(score: number, key: string, ref: number): void {
    if (!this.admits(score, key)) return;
    const { scores, keys, refs } = this;
    // Shift worse items down one place (the last falls off when full).
    let i = this.count < scores.length ? this.count++ : this.count - 1;
    while (i > 0) {
      const s = scores[i - 1];
      if (s > score || (s === score && keys[i - 1] <= key)) break;
      scores[i] = s;
      keys[i] = keys[i - 1];
      refs[i] = refs[i - 1];
      i--;
    }
    scores[i] = score;
    keys[i] = key;
    refs[i] = ref;
  }

  // How many items are kept; ref(j) and score(j) read the j-th best without copying.
  get size(): number {
    return this.count;
  }

  ref(j: number): number {
    return this.refs[j];
  }

  score(j: number): number {
    return this.scores[j];
  }

  // The refs of the kept items, best first.
  items(): number[] {
    return Array.from(this.refs.subarray(0, this.count));
  }

  // Their scores, best first.
  itemScores(): number[] {
    return Array.from(this.scores.subarray(0, this.count));
  }
}

// TopK with each item's key given as its rank among all keys (code-unit order, distinct keys):
// the same order, so the same result, but ties cost an integer comparison instead of a string
// one (ids built piece by piece are rope strings, which V8 compares through its runtime).
export class TopKByRank {
  private readonly scores: Float64Array;
  private readonly refs: Int32Array;
  private readonly ranks: Int32Array;
  private count = 0;

  constructor(readonly k: number) {
    const size = Math.max(0, Math.floor(k));
    this.scores = new Float64Array(size);
    this.refs = new Int32Array(size);
    this.ranks = new Int32Array(size);
  }

  admits(score: number, rank: number): boolean {
    if (this.count < this.scores.length) return true;
    if (this.count === 0) return false;
    const worst = this.scores[this.count - 1];
    return score > worst || (score === worst && rank < this.ranks[this.count - 1]);
  }

  closedBelow(bound: number): boolean {
    const size = this.scores.length;
    return size === 0 || (this.count === size && bound < this.scores[size - 1]);
  }

  clear(): void {
    this.count = 0;
  }

  offer(score: number, rank: number, ref: number): void {
    if (!this.admits(score, rank)) return;
    const { scores, ranks, refs } = this;
    let i = this.count < scores.length ? this.count++ : this.count - 1;
    while (i > 0) {
      const s = scores[i - 1];
      if (s > score || (s === score && ranks[i - 1] <= rank)) break;
      scores[i] = s;
      ranks[i] = ranks[i - 1];
      refs[i] = refs[i - 1];
      i--;
    }
    scores[i] = score;
    ranks[i] = rank;
    refs[i] = ref;
  }

  get size(): number {
    return this.count;
  }

  ref(j: number): number {
    return this.refs[j];
  }

  score(j: number): number {
    return this.scores[j];
  }
}
