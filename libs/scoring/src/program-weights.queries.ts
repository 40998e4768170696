import { DEFAULT_WEIGHTS, FACTORS, MatchingWeights } from '@tsunagu/matching';
import { EntityManager, In } from 'typeorm';
import { ProgramWeights } from './program-weights.entity';

// The label scores carry, e.g. "program-<uuid>-v2"; the defaults are "default-1".
export function weightsLabel(row: ProgramWeights): string {
  return `program-${row.programId}-v${row.version}`;
}

export function toMatchingWeights(row: ProgramWeights): MatchingWeights {
  return {
    version: weightsLabel(row),
    weights: Object.fromEntries(
      FACTORS.map((f) => [f, row.weights[f]]),
    ) as MatchingWeights['weights'],
  };
}

// The latest version of each program that has set its own weights (all programs, or `ids`).
export async function latestProgramWeights(
  manager: EntityManager,
  programIds?: readonly string[],
): Promise<Map<string, ProgramWeights>> {
  const qb = manager
    .getRepository(ProgramWeights)
    .createQueryBuilder('w')
    .distinctOn(['w.programId'])
    .orderBy('w.programId')
    .addOrderBy('w.version', 'DESC');
  if (programIds) qb.where({ programId: In([...programIds]) });
  const rows = await qb.getMany();
  return new Map(rows.map((r) => [r.programId, r]));
}

// Which weights score a project now: its program's latest version, else the defaults. One
// query for all the programs asked about (all of them when `programIds` is omitted).
export async function weightsResolver(
  manager: EntityManager,
  programIds?: ReadonlyArray<string | null>,
): Promise<(project: { programId: string | null }) => MatchingWeights> {
  const ids = programIds?.filter((id): id is string => id !== null);
  const latest =
    ids && ids.length === 0
      ? new Map<string, ProgramWeights>()
      : await latestProgramWeights(manager, ids);
  const weights = new Map([...latest].map(([id, row]) => [id, toMatchingWeights(row)]));
  return (project) => (project.programId && weights.get(project.programId)) || DEFAULT_WEIGHTS;
}

// The weights a program's projects are scored with now.
export async function currentWeights(
  manager: EntityManager,
  programId: string | null,
): Promise<MatchingWeights> {
  return (await weightsResolver(manager, [programId]))({ programId });
}

const PROGRAM_LABEL = /^program-([0-9a-f-]{36})-v(\d+)$/;

// The weights each label names (versions are never edited, so a stored score's weights can always
// be found again); a label not found (its program deleted) is left out.
export async function weightsByLabel(
  manager: EntityManager,
  labels: readonly string[],
): Promise<Map<string, MatchingWeights>> {
  const found = new Map<string, MatchingWeights>();
  const wanted: Array<{ programId: string; version: number }> = [];
  for (const label of new Set(labels)) {
    if (label === DEFAULT_WEIGHTS.version) found.set(label, DEFAULT_WEIGHTS);
    const parts = PROGRAM_LABEL.exec(label);
    if (parts) wanted.push({ programId: parts[1], version: Number(parts[2]) });
  }
  if (wanted.length) {
    const rows = await manager.getRepository(ProgramWeights).find({ where: wanted });
    for (const row of rows) found.set(weightsLabel(row), toMatchingWeights(row));
  }
  return found;
}
