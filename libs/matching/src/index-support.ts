import { chordLowerBoundKm } from './geo-distance';
import { distanceValue } from './match-factors';
import type { ModeCode, ParticipantKindCode, ProjectFacts } from './match-facts';
import { describeWeightProblem, type MatchingWeights, validateWeights } from './match-weights';

// Pieces both indexes share: kind slots, compressed posting lists, visit stamps, bounds.

// The bounds are monotone in each factor value only for weights >= 0 (and need a total above 0),
// so an index on other weights would silently drop matches: refuse them instead.
export function assertValidWeights(weights: MatchingWeights): void {
  const problems = validateWeights(weights.weights);
  if (problems.length > 0) {
    throw new RangeError(
      `Invalid matching weights ${weights.version}: ${problems.map(describeWeightProblem).join('; ')}`,
    );
  }
}

// An upper bound of a pair's distance value from unit vectors of home (a) and project (b), or -1
// when an on-site project is beyond travel range. Remote (1) and no home (0.5) are exact;
// otherwise the chord's km is never longer than the real km, and distanceValue does not rise
// with km.
export function distanceBound(
  mode: ModeCode,
  hasHome: boolean,
  travelRangeKm: number,
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
): number {
  if (mode === 'REMOTE') return 1;
  if (!hasHome) return 0.5;
  const km = chordLowerBoundKm(ax, ay, az, bx, by, bz);
  if (mode === 'ONSITE' && km > travelRangeKm) return -1;
  return distanceValue(mode, km);
}

// distanceValue of on-site and hybrid projects by whole km, worked out once: it only reads the
// rounded km, so the table gives the same values without a power per pair.
const TABLE_KM = 4096;
const ONSITE_BY_KM = Float64Array.from({ length: TABLE_KM }, (_, km) =>
  distanceValue('ONSITE', km),
);
const HYBRID_BY_KM = Float64Array.from({ length: TABLE_KM }, (_, km) =>
  distanceValue('HYBRID', km),
);

// distanceValue for a project that is not remote (hybrid or not), through the tables.
export function distanceValueNear(hybrid: boolean, km: number): number {
  const rounded = Math.round(km);
  if (rounded >= 0 && rounded < TABLE_KM) {
    return hybrid ? HYBRID_BY_KM[rounded] : ONSITE_BY_KM[rounded];
  }
  return distanceValue(hybrid ? 'HYBRID' : 'ONSITE', km);
}

const KNOWN_KINDS: readonly ParticipantKindCode[] = [
  'PRO_BONO',
  'UNIVERSITY_STUDENT',
  'HIGH_SCHOOL_STUDENT',
  'COMPANY_EMPLOYEE',
];
// A kind outside the union (bad data) only meets projects open to every kind.
const OTHER_KIND = KNOWN_KINDS.length;
const KIND_SLOTS = KNOWN_KINDS.length + 1;
const ALL_KINDS_MASK = (1 << KIND_SLOTS) - 1;

function kindSlot(kind: string): number {
  const slot = (KNOWN_KINDS as readonly string[]).indexOf(kind);
  return slot < 0 ? OTHER_KIND : slot;
}

// Bit per kind slot the project is open to; kindEligible in bits.
export function eligibleKindMask(project: ProjectFacts): number {
  if (project.eligibleKinds.length === 0) return ALL_KINDS_MASK;
  let mask = 0;
  for (const kind of project.eligibleKinds) {
    const slot = kindSlot(kind);
    if (slot !== OTHER_KIND) mask |= 1 << slot;
  }
  return mask;
}

// Participants are split by kind and by remote-only, so a posting list only holds pairs those two
// filters allow: partition = kind slot * 2 + (remote-only ? 1 : 0).
export const PARTITIONS = KIND_SLOTS * 2;

export function partitionOf(kind: string, remoteOnly: boolean): number {
  return kindSlot(kind) * 2 + (remoteOnly ? 1 : 0);
}

// Whether a project's pairs with a partition's participants pass the kind and remote-only filters.
export function partitionAllows(partition: number, kindMask: number, onsite: boolean): boolean {
  const remoteOnly = (partition & 1) === 1;
  return (kindMask & (1 << (partition >> 1))) !== 0 && !(remoteOnly && onsite);
}

// Lists of ints per key, packed into one array (compressed sparse rows).
export class PackedLists {
  readonly start: Int32Array;
  readonly items: Int32Array;

  constructor(lists: ReadonlyArray<ArrayLike<number>>) {
    this.start = new Int32Array(lists.length + 1);
    let total = 0;
    for (let i = 0; i < lists.length; i++) {
      total += lists[i].length;
      this.start[i + 1] = total;
    }
    this.items = new Int32Array(total);
    for (let i = 0; i < lists.length; i++) this.items.set(lists[i], this.start[i]);
  }
}

// Marks "seen during this query" without clearing an array per query.
export class Stamps {
  private readonly marks: Int32Array;
  private current = 0;

  constructor(size: number) {
    this.marks = new Int32Array(size);
  }

  next(): void {
    if (this.current === 0x7fffffff) {
      this.marks.fill(0);
      this.current = 0;
    }
    this.current++;
  }

  has(i: number): boolean {
    return this.marks[i] === this.current;
  }

  // True when newly marked.
  mark(i: number): boolean {
    if (this.marks[i] === this.current) return false;
    this.marks[i] = this.current;
    return true;
  }
}

// Projects whose skills break the postings' assumptions (a minimum level a missing skill meets,
// or no positive weight to average over) are scored exhaustively instead.
export function hasRegularSkills(project: ProjectFacts): boolean {
  let total = 0;
  for (const s of project.skills) {
    if (!(s.minLevel > 0 && s.weight >= 0 && Number.isFinite(s.weight))) return false;
    total += s.weight;
  }
  return project.skills.length === 0 || total > 0;
}

export function assertUniqueIds(items: ReadonlyArray<{ id: string }>, what: string): void {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new RangeError(`${what} id ${id} appears twice`);
    seen.add(id);
  }
}

// Each string's place in code-unit order (as `<` compares them); the strings are distinct.
export function ranksOf(keys: readonly string[]): Int32Array {
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
  const ranks = new Int32Array(keys.length);
  order.forEach((i, r) => (ranks[i] = r));
  return ranks;
}
