import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS } from './catalog';

// Japanese punctuation in English words ("Project：…") reads as a glitch.
const FULL_WIDTH = /[：、。（）「」]/;

function offending(node: unknown, path: string[] = []): string[] {
  if (typeof node === 'string') return FULL_WIDTH.test(node) ? [`${path.join('.')}: ${node}`] : [];
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => offending(value, [...path, key]));
  }
  return [];
}

const SRC = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the English catalog', () => {
  it('has no Japanese full-width punctuation in any area', () => {
    expect(AREAS.flatMap((area) => offending(area.en))).toEqual([]);
  });

  // Punctuation typed beside a translated word ("{t('x')}：") shows in both languages: it
  // belongs in the catalog (app.label, app.labelled, app.noted), or in a branch for Japanese.
  it('is not undone by punctuation typed into the screens', () => {
    const found = sources(SRC)
      .filter((file) => !/messages\.ts$/.test(file))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(SRC, file)}:${i + 1}` })),
      )
      .filter(({ line }) => {
        const code = line.replace(/\/\/.*$/, '');
        return FULL_WIDTH.test(code) && !/'ja'|\/\[/.test(code);
      })
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    expect(found).toEqual([]);
  });
});
