// A small seeded pseudo-random generator for reproducible synthetic data: sfc32 (Chris Doty-Humphrey's
// Small Fast Counting generator, 128 bits of state) seeded through cyrb128 (a 128-bit string hash),
// both from bryc's well-known collection of JavaScript PRNGs. Not for anything secret.
//
// Streams are named: Prng.from(seed, 'participant', 17) always gives the same sequence, whatever
// else was drawn before, so the 17th participant is the same at any data size. 128 bits of state
// keep thousands of per-row streams from colliding (a 32-bit generator such as mulberry32 would
// give two rows of 100,000 the same stream almost surely).

// cyrb128: four 32-bit words from a string.
export function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = state;
    // Mix the seed in before the first value is used.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  // A stream named by its parts, e.g. Prng.from(42, 'project', 7).
  static from(...key: ReadonlyArray<string | number>): Prng {
    return new Prng(cyrb128(key.join('/')));
  }

  // An independent stream derived from this one's current state and a label.
  fork(label: string | number): Prng {
    return Prng.from(this.uint32(), this.uint32(), label);
  }

  // sfc32: uniformly distributed 32-bit unsigned integer.
  uint32(): number {
    this.a |= 0;
    this.b |= 0;
    this.c |= 0;
    this.d |= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  // [0, 1)
  next(): number {
    return this.uint32() / 4294967296;
  }

  // An integer in [min, max], both included.
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  // k distinct items (fewer if the list is shorter), in draw order.
  sample<T>(items: readonly T[], k: number): T[] {
    const n = items.length;
    const count = Math.min(k, n);
    if (count <= 0) return [];
    // Small samples from long lists: rejection; otherwise a partial Fisher–Yates shuffle.
    if (count * 4 < n) {
      const chosen = new Set<number>();
      const out: T[] = [];
      while (out.length < count) {
        const i = Math.floor(this.next() * n);
        if (!chosen.has(i)) {
          chosen.add(i);
          out.push(items[i]);
        }
      }
      return out;
    }
    const copy = items.slice();
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(this.next() * (n - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      const word = this.uint32();
      for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  }

  // A random-looking (version 4, RFC 9562 variant) UUID drawn from this stream: reproducible,
  // unlike crypto.randomUUID.
  uuid(): string {
    const b = this.bytes(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let s = '';
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
      s += HEX[b[i]];
    }
    return s;
  }
}

// Weighted choice with the cumulative table computed once, for choices made per row.
export class WeightedTable<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = [];
    this.cumulative = [];
    let total = 0;
    for (const [item, weight] of entries) {
      if (!(weight >= 0) || !Number.isFinite(weight)) {
        throw new RangeError(`weight must be a finite non-negative number, got ${weight}`);
      }
      if (weight === 0) continue;
      total += weight;
      this.items.push(item);
      this.cumulative.push(total);
    }
    if (this.items.length === 0) throw new RangeError('a weighted table needs a positive weight');
    this.total = total;
  }

  get size(): number {
    return this.items.length;
  }

  pick(rng: Prng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
