import { float32AtLeast } from './index-support';

describe('float32AtLeast', () => {
  // The walk's queued bound reads fairness through it: a value rounded down would make the bound
  // lower than the real one.
  it('gives the least float32 at or above each value', () => {
    const values = [0, 1, 1 / 3, 2 / 3, 1e-40, -1 / 3, -1e-40, 5e-324, 0.1, 7, 1e30];
    for (let count = 0; count <= 2000; count++) values.push(1 / (1 + count / 5));
    for (const x of values) {
      const f = float32AtLeast(x);
      expect(Math.fround(f)).toBe(f);
      expect(f).toBeGreaterThanOrEqual(x);
      // The float32 just below it is below x (or it is x itself).
      if (f !== x) expect(nextFloat32Down(f)).toBeLessThan(x);
    }
  });

  it('rounds up where Math.fround rounds down', () => {
    // The fairness value of a project with one candidate.
    const x = 5 / 6;
    expect(Math.fround(x)).toBeLessThan(x);
    expect(float32AtLeast(x)).toBeGreaterThan(x);
  });

  it('keeps NaN and infinities', () => {
    expect(float32AtLeast(NaN)).toBeNaN();
    expect(float32AtLeast(Infinity)).toBe(Infinity);
    expect(float32AtLeast(-Infinity)).toBe(-Infinity);
  });
});

function nextFloat32Down(f: number): number {
  const floats = new Float32Array([f]);
  const bits = new Int32Array(floats.buffer);
  if (f === 0) return -(2 ** -149);
  bits[0] += f > 0 ? -1 : 1;
  return floats[0];
}
