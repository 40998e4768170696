import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en, ja } from '../i18n/catalog';
import {
  ALLOCATION_REFUSALS,
  allocationRefusal,
  type AllocationOperation,
} from './allocation-refusal';

// The reasons of the CONFLICTs the allocation service throws, read from its source: a reason
// added there without words here fails this test.
function serviceReasons(): string[] {
  const source = readFileSync(
    join(__dirname, '../../../../libs/cohorts/src/allocation.service.ts'),
    'utf8',
  );
  return [...new Set([...source.matchAll(/ConflictReason\.([A-Z_]+)/g)].map((m) => m[1]))];
}

// As the API answers: an English sentence for developers, a code, a reason for conflicts.
function refusal(code: string, reason?: string): CombinedError {
  const message = `The API's own English sentence (${code})`;
  return new CombinedError({
    graphQLErrors: [
      new GraphQLError(message, {
        extensions: {
          code,
          ...(reason ? { reason } : {}),
          ...(code === 'BAD_USER_INPUT'
            ? { fields: [{ path: ['input', 'moves', '0', 'projectId'], message: 'is closed' }] }
            : {}),
        },
      }),
    ],
  });
}

const CASES: Array<[AllocationOperation, string, string | undefined]> = [
  ['run', 'BAD_USER_INPUT', undefined],
  ['run', 'CONFLICT', 'WRONG_STATUS'],
  ['run', 'FORBIDDEN', undefined],
  ['run', 'NOT_FOUND', undefined],
  ['adjust', 'BAD_USER_INPUT', undefined],
  ['adjust', 'CONFLICT', 'WRONG_STATUS'],
  ['adjust', 'NOT_FOUND', undefined],
  ['confirm', 'CONFLICT', 'ALREADY_DONE'],
  ['confirm', 'CONFLICT', 'WRONG_STATUS'],
  ['confirm', 'CONFLICT', 'NOT_TAKING_APPLICATIONS'],
  ['confirm', 'CONFLICT', 'PROJECT_FULL'],
  ['confirm', 'CONFLICT', 'ALREADY_APPLIED'],
  ['confirm', 'FORBIDDEN', undefined],
  ['confirm', 'NOT_FOUND', undefined],
  ['confirm', 'TRY_AGAIN', 'CONCURRENT_CHANGE'],
  ['confirm', 'INTERNAL_SERVER_ERROR', undefined],
];

describe('the allocation refusals', () => {
  let tJa: TFunction;
  let tEn: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { ja: { translation: ja }, en: { translation: en } },
      lng: 'ja',
      interpolation: { escapeValue: false },
    });
    tJa = i18n.getFixedT('ja');
    tEn = i18n.getFixedT('en');
  });

  it('has words for every reason the allocation service refuses with', () => {
    const reasons = serviceReasons();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(ALLOCATION_REFUSALS).toContain(reason);
  });

  it.each(CASES)(
    'says why %s was refused (%s %s) in either language, never in the API’s words',
    (operation, code, reason) => {
      const error = refusal(code, reason);
      const inJapanese = allocationRefusal(error, operation, tJa)!;
      const inEnglish = allocationRefusal(error, operation, tEn)!;
      for (const text of [inJapanese, inEnglish]) {
        expect(text).toBeTruthy();
        expect(text).not.toMatch(/API's own|is closed|cohorts\.|errors\./);
      }
      expect(inJapanese).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(inEnglish).not.toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(inJapanese).not.toBe(inEnglish);
    },
  );

  it('tells a refused run from a refused move', () => {
    const error = refusal('BAD_USER_INPUT');
    expect(allocationRefusal(error, 'run', tEn)).not.toBe(allocationRefusal(error, 'adjust', tEn));
  });
});
