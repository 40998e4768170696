import { cpuSecondsOf, cpuTicksOfStat, phaseOrder } from './rescore-bench-phases';

describe('re-score benchmark phases', () => {
  it('alternates the order of the phases from one round to the next', () => {
    expect(phaseOrder(0, 2)).toEqual(['engine', 1, 2]);
    expect(phaseOrder(1, 2)).toEqual([2, 1, 'engine']);
    expect(phaseOrder(2, 2)).toEqual(['engine', 1, 2]);
  });

  it('reads utime + stime from /proc/<pid>/stat, whatever the command name holds', () => {
    // Fields 14 and 15 (utime 1234, stime 56); the name has spaces and brackets.
    const stat =
      '4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 9000 0 12 0 1234 56 0 0 20 0 11 0 ' +
      '100 1000000 20000 18446744073709551615';
    expect(cpuTicksOfStat(stat)).toBe(1290);
  });

  it('measures the CPU this process has used', () => {
    const before = cpuSecondsOf(process.pid);
    const until = Date.now() + 150;
    while (Date.now() < until) Math.sqrt(Math.random());
    expect(cpuSecondsOf(process.pid)).toBeGreaterThan(before);
  });
});
