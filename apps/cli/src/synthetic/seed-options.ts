import { parseArgs } from 'node:util';
import type { SyntheticOptions } from './synthetic-data';

// A problem the person running the command can fix: printed without a stack trace.
export class SyntheticSeedError extends Error {
  override name = 'SyntheticSeedError';
}

export const DEFAULT_SEED = 42;
// The day the data is a snapshot of. Fixed, so that the same seed gives the same data on any day;
// pass --as-of with today's date for data whose dates look current.
export const DEFAULT_AS_OF = '2026-12-01';
export const MAX_PARTICIPANTS = 1_000_000;
export const MAX_PROJECTS = 100_000;

export const SEED_SYNTHETIC_USAGE =
  'seed:synthetic --participants N --projects M [--seed S] [--as-of YYYY-MM-DD] [--no-activity]';

function integer(name: string, text: string | undefined, min: number, max: number): number {
  if (text === undefined) {
    throw new SyntheticSeedError(`seed:synthetic needs --${name}. Usage: ${SEED_SYNTHETIC_USAGE}`);
  }
  // 100000, 100_000 and 100,000 all mean a hundred thousand.
  const trimmed = text.trim();
  const value = /^(\d+|\d{1,3}([_,]\d{3})+)$/.test(trimmed)
    ? Number(trimmed.replace(/[_,]/g, ''))
    : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new SyntheticSeedError(
      `--${name} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, got "${text}"`,
    );
  }
  return value;
}

export function parseSeedSyntheticArgs(args: readonly string[]): SyntheticOptions {
  let values: {
    participants?: string;
    projects?: string;
    seed?: string;
    'as-of'?: string;
    'no-activity'?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        participants: { type: 'string' },
        projects: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        // People and projects only: no regions without projects, no year of engagements.
        'no-activity': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SyntheticSeedError(`${(error as Error).message}. Usage: ${SEED_SYNTHETIC_USAGE}`);
  }
  const asOf = values['as-of'] ?? DEFAULT_AS_OF;
  const day = Date.parse(`${asOf}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(asOf) ||
    Number.isNaN(day) ||
    new Date(day).toISOString().slice(0, 10) !== asOf
  ) {
    throw new SyntheticSeedError(`--as-of must be a date as YYYY-MM-DD, got "${asOf}"`);
  }
  return {
    participants: integer('participants', values.participants, 0, MAX_PARTICIPANTS),
    projects: integer('projects', values.projects, 0, MAX_PROJECTS),
    seed: integer('seed', values.seed ?? String(DEFAULT_SEED), 0, 0xffffffff),
    asOf,
    activity: values['no-activity'] !== true,
  };
}
