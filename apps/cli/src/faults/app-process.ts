import { ChildProcess, spawn } from 'node:child_process';

const STOP_TIMEOUT_MS = 15_000;

// An API or worker process of the fault harness, run from the build as `npm start` runs them.
// A supervised one is started again whenever it exits (as a process manager would), which is
// how a worker comes back after the harness kills it.
export class AppProcess {
  private child?: ChildProcess;
  private exited: Promise<void> = Promise.resolve();
  private supervised = true;
  // Extra environment for the next start only (the relay fault hook).
  private nextEnv: NodeJS.ProcessEnv = {};
  private currentEnv: NodeJS.ProcessEnv = {};
  starts = 0;
  unexpectedExits = 0;

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: (line: string) => void,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  // Running with extra environment (armed with a fault hook) or about to.
  get armed(): boolean {
    const started = this.running && Object.keys(this.currentEnv).length > 0;
    return started || Object.keys(this.nextEnv).length > 0;
  }

  startNextWith(env: NodeJS.ProcessEnv): void {
    this.nextEnv = env;
  }

  start(): void {
    const env = { ...this.env, ...this.nextEnv };
    this.currentEnv = this.nextEnv;
    this.nextEnv = {};
    const child = spawn(process.execPath, ['--enable-source-maps', this.script], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = '';
      stream.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) this.log(`[${this.name}] ${line}`);
      });
    }
    this.exited = new Promise<void>((resolve) =>
      child.once('exit', (code, signal) => {
        resolve();
        if (!this.supervised) return;
        if (signal !== 'SIGKILL') this.unexpectedExits++;
        this.log(`[faults] ${this.name} exited (${signal ?? code}); starting it again`);
        setTimeout(() => {
          if (this.supervised) this.start();
        }, 300);
      }),
    );
  }

  // SIGKILL: a crash, mid-job if one is running. The supervisor starts it again.
  async crash(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    this.supervised = false;
    if (!this.running) return;
    const child = this.child!;
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }
}
