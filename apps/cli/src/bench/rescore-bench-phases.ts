import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// The re-score benchmark's phases: the in-memory engine, then a full re-score through 1..W worker
// processes. Over several rounds the order alternates (forwards, then backwards), so that each
// phase runs as often early as late in a round and a load that drifts over minutes weighs on all
// phases alike; medians are reported.
export type RescorePhase = 'engine' | number;

export function phaseOrder(round: number, maxWorkers: number): RescorePhase[] {
  const forwards: RescorePhase[] = [
    'engine',
    ...Array.from({ length: maxWorkers }, (_, i) => i + 1),
  ];
  return round % 2 === 0 ? forwards : forwards.reverse();
}

// Clock ticks per second, the unit of /proc/<pid>/stat's CPU times (100 on Linux nearly always).
let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

// utime + stime of a process, in clock ticks, from the text of /proc/<pid>/stat. The command name
// (field 2, in brackets) may hold spaces: fields are counted after its closing bracket, where
// field 3 (state) comes first, so utime (14) and stime (15) are the 12th and 13th.
export function cpuTicksOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`unexpected /proc/<pid>/stat: ${stat.slice(0, 80)}`);
  }
  return utime + stime;
}

// CPU seconds (user + system) a live process has used so far.
export function cpuSecondsOf(pid: number): number {
  return cpuTicksOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8')) / clockTicks();
}
