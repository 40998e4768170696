import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readlinkSync, readFileSync, rmSync } from 'node:fs';
import { symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` in a terminal, then Ctrl-C: the terminal sends SIGINT to the whole foreground
// process group. The API and the worker must stop first, PostgreSQL and Redis after them, with
// no connection errors in the log and no process left behind. The launcher runs from a build of
// its own in a temporary directory, so its .data directory is a throwaway one too.

const ROOT = join(__dirname, '..');
const BOOT_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

type Role = 'launcher' | 'api' | 'worker' | 'postgres' | 'redis';

function roleOf(cmdline: string): Role | undefined {
  if (cmdline.includes('redis-server')) return 'redis';
  if (cmdline.includes('postgres')) return 'postgres';
  if (cmdline.includes('apps/api/src/main.js')) return 'api';
  if (cmdline.includes('apps/worker/src/main.js')) return 'worker';
  if (cmdline.includes('apps/cli/src/main.js')) return 'launcher';
  return undefined;
}

// Processes working in or started from the directory: the launcher, the API and the worker
// (cwd), PostgreSQL (-D and its cwd) and Redis (its cwd is its --dir).
function processesUnder(dir: string): Map<number, Role | undefined> {
  const found = new Map<number, Role | undefined>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cwd.startsWith(dir) || cmdline.includes(dir)) found.set(Number(entry), roleOf(cmdline));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

// Watches the processes until none is left, noting when the last one of each role went.
async function watchStop(
  dir: string,
  lastSeen: Map<Role, number>,
  timeoutMs: number,
): Promise<Map<Role, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = Date.now();
    const alive = processesUnder(dir);
    for (const role of alive.values()) if (role) lastSeen.set(role, now);
    if (alive.size === 0) return lastSeen;
    if (now > deadline) throw new Error(`still running: ${[...alive.values()].join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function waitForLog(log: () => string, patterns: RegExp[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (patterns.every((p) => p.test(log()))) return resolve();
      if (Date.now() > deadline)
        return reject(new Error(`not seen in time: ${patterns.join(', ')}\n${log()}`));
      setTimeout(check, 200);
    };
    check();
  });
}

const describeOnLinux = process.platform === 'linux' ? describe : describe.skip;

describeOnLinux('npm start and Ctrl-C', () => {
  let dir: string;
  let launcher: ChildProcess | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsunagu-start-'));
    // As root, PostgreSQL runs as the postgres user, which must be able to enter it.
    chmodSync(dir, 0o755);
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const build = spawnSync(
      join(ROOT, 'node_modules/.bin/swc'),
      ['apps', 'libs', '-d', join(dir, 'dist'), '--copy-files', '--ignore', '**/*.spec.ts', '-q'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  });

  afterAll(() => {
    // Whatever a failed run left behind, by pid: the launcher's group, then anything in dir.
    if (launcher?.pid && launcher.exitCode === null) {
      try {
        process.kill(-launcher.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    for (const pid of processesUnder(dir).keys()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops the API and the worker, then PostgreSQL and Redis, with a clean log', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', NODE_ENV: 'development' };
    // Its own local services, as on a developer's machine: not the test run's.
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'JWT_SECRET', 'QUEUE_PREFIX'])
      delete env[name];
    let output = '';
    // detached: a process group of its own, like a terminal's foreground job.
    const child = spawn(process.execPath, [join(dir, 'dist/apps/cli/src/main.js'), 'start'], {
      cwd: dir,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher = child;
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));

    await waitForLog(() => output, [/worker started/, /GraphQL ready/], BOOT_TIMEOUT_MS);
    const before = [...processesUnder(dir).values()].filter((role): role is Role => !!role);
    for (const role of ['launcher', 'api', 'worker', 'postgres', 'redis'] as const)
      expect(before).toContain(role);
    const bootLog = output.length;

    const lastSeen = new Map(before.map((role) => [role, Date.now()]));
    process.kill(-child.pid!, 'SIGINT');
    await watchStop(dir, lastSeen, STOP_TIMEOUT_MS);
    const code = await exited;

    const stopLog = output.slice(bootLog);
    expect(code).toBe(0);
    expect(output).not.toMatch(/ECONNREFUSED|ECONNRESET|Connection terminated/i);
    expect(stopLog).not.toMatch(/error|exception|fatal|warn/i);
    // The documented order: PostgreSQL and Redis served until the API and the worker had gone.
    const appsGone = Math.max(lastSeen.get('api')!, lastSeen.get('worker')!);
    expect(lastSeen.get('postgres')!).toBeGreaterThan(appsGone);
    expect(lastSeen.get('redis')!).toBeGreaterThan(appsGone);
    expect(stopLog).toMatch(/stopping…[\s\S]*stopped local postgres, redis and mail/);
  }, 180_000);
});
