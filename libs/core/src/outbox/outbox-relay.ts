import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JOB_NAMES } from '../queue/job-registry';
import { QueueService } from '../queue/queue.service';
import { OutboxMessage } from './outbox-message.entity';
import { relayJobs } from './relay-jobs';

export const OUTBOX_CHANNEL = 'outbox_message_inserted';
const BATCH_SIZE = 100;
// Jobs handed to BullMQ in one round trip.
const ENQUEUE_CHUNK = 20;
// BullMQ waits for Redis to be ready before adding; do not let a dead Redis stall the relay.
const ENQUEUE_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

// Moves committed outbox rows onto BullMQ. Rows are claimed with SKIP LOCKED so several relays
// can run side by side; a row is marked dispatched only after BullMQ accepted the job, and the
// deterministic job id makes a re-send after a crash harmless.
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private listener?: Client;
  private running?: Promise<void>;
  private rerun = false;
  private stopped = true;
  private enqueuedSinceStart = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    // Postgres notifies on commit of an insert, so jobs leave within milliseconds; the poll
    // catches anything missed while Redis or the listener was down.
    try {
      this.listener = new Client({ connectionString: this.config.DATABASE_URL });
      this.listener.on('error', (error) => this.logger.warn(`outbox listener: ${error.message}`));
      this.listener.on('notification', () => this.kick());
      await this.listener.connect();
      await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      this.logger.warn(`outbox LISTEN unavailable, polling only: ${(error as Error).message}`);
    }
    this.timer = setInterval(() => this.kick(), this.config.OUTBOX_POLL_INTERVAL_MS);
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) =>
        this.logger.error(`outbox relay failed: ${(error as Error).message}`),
      )
      .finally(() => {
        this.running = undefined;
        if (this.rerun && !this.stopped) {
          this.rerun = false;
          this.kick();
        }
      });
  }

  // Relays until no pending row is left or enqueueing fails.
  async drain(): Promise<void> {
    for (;;) {
      const { relayed, failed } = await this.relayBatch();
      if (failed || relayed < BATCH_SIZE) return;
    }
  }

  async relayBatch(): Promise<{ relayed: number; failed: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .getRepository(OutboxMessage)
        .createQueryBuilder('m')
        .where('m.dispatchedAt IS NULL')
        // A row no handler can take (a job renamed since it was written; migrations rewrite
        // those) must not hold up every row behind it.
        .andWhere('m.jobName IN (:...known)', { known: JOB_NAMES })
        .orderBy('m.id', 'ASC')
        .limit(BATCH_SIZE)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      // A few round trips per pass (ENQUEUE_CHUNK jobs each, sent together: addMany) and one
      // UPDATE for what went, rather than two statements per row. Each chunk has its own
      // timeout, so a busy Redis still lets the chunks it took through; re-sending one is
      // harmless (deterministic job ids). Its debounced re-scores once went one after another
      // under that one timeout, which ran out under load although each add answered in time.
      // A pass's events go as fan-out jobs of NOTIFICATIONS_EVENTS_PER_JOB (relayJobs); the
      // rest one job per row as before.
      const jobs = relayJobs(rows, this.config.NOTIFICATIONS_EVENTS_PER_JOB);
      const sent: OutboxMessage[] = [];
      for (let start = 0; start < jobs.length; start += ENQUEUE_CHUNK) {
        const trip = jobs.slice(start, start + ENQUEUE_CHUNK);
        const tripRows = trip.flatMap((job) => job.rows);
        try {
          await withTimeout(
            this.queues.addMany(trip.map(({ name, payload, jobId }) => ({ name, payload, jobId }))),
            ENQUEUE_TIMEOUT_MS,
          );
        } catch (error) {
          await this.markDispatched(manager, sent);
          const message = (error as Error).message;
          const went = new Set(sent.map((r) => r.id));
          await manager.update(
            OutboxMessage,
            rows.filter((r) => !went.has(r.id)).map((r) => r.id),
            { failedAttempts: () => 'failed_attempts + 1', lastError: message.slice(0, 1000) },
          );
          this.logger.warn(`outbox messages from ${tripRows[0].id} not relayed yet: ${message}`);
          return { relayed: sent.length, failed: true };
        }
        this.faultInjection(tripRows.length);
        sent.push(...tripRows);
      }
      const relayed = sent.length;
      await this.markDispatched(manager, rows);
      return { relayed, failed: false };
    });
  }

  private async markDispatched(manager: EntityManager, rows: OutboxMessage[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.update(
      OutboxMessage,
      rows.map((r) => r.id),
      { dispatchedAt: () => 'now()' },
    );
  }

  // FAULT_OUTBOX_KILL_AFTER (test:faults only): die between enqueue and mark, as a crash would.
  private faultInjection(enqueued: number): void {
    const killAfter = this.config.FAULT_OUTBOX_KILL_AFTER;
    if (killAfter === undefined) return;
    this.enqueuedSinceStart += enqueued;
    if (this.enqueuedSinceStart < killAfter) return;
    this.logger.warn(`fault injection: killing the relay's process after ${killAfter} enqueues`);
    process.kill(process.pid, 'SIGKILL');
  }

  // Waits for a relay pass in flight, so shutdown never cuts a batch's transaction short.
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
