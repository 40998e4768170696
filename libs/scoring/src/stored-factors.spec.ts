import type { ExplainedFactor } from '@tsunagu/matching';
import { packFactors, unpackFactors } from './stored-factors';

describe('stored factors', () => {
  const factors: ExplainedFactor[] = [
    {
      factor: 'skills',
      weight: 0.35,
      value: 1,
      reason: { ja: '必須スキル 1/1 を満たす', en: 'meets 1/1 must-have skills' },
    },
    {
      factor: 'distance',
      weight: 0.1,
      value: 0.631899,
      reason: { ja: '居住地から約199km', en: 'About 199 km from home' },
    },
  ];

  it('round-trip an explanation exactly, in a smaller form', () => {
    const packed = packFactors(factors);
    expect(unpackFactors(JSON.parse(JSON.stringify(packed)))).toEqual(factors);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(factors).length * 0.75);
  });
});
