import { Injectable } from '@nestjs/common';
import { AppConfig, AppError, OutboxService, QueueService } from '@tsunagu/core';
import { ScoringSubjectKind } from './scoring-subject.entity';
import { Actor, PolicyService } from '@tsunagu/identity';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ScoringChunkSide, ScoringRunChunk } from './scoring-run-chunk.entity';
import { ScoringRun, ScoringRunStatus } from './scoring-run.entity';
import { ScoringService } from './scoring.service';

// A full re-score: planned once into fixed chunks (participants, then projects), run as a BullMQ
// flow whose parent finishes the run. Each chunk commits its results together with its "done"
// mark, so a crash loses at most the chunk in flight and a resumed run skips finished ones.
@Injectable()
export class ScoringRunService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
    private readonly scoring: ScoringService,
    private readonly policy: PolicyService,
  ) {}

  // In the caller's transaction (e.g. with a weights change).
  async start(m: EntityManager, reason: string, requestedById: string | null): Promise<ScoringRun> {
    const run = await m.getRepository(ScoringRun).save({
      status: ScoringRunStatus.RUNNING,
      reason,
      requestedById,
    });
    await this.outbox.add(m, 'score.all', { runId: run.id }, `score-all-${run.id}`);
    return run;
  }

  // Platform admins start one by hand (weights changes start their own).
  async request(actor: Actor, reason: string): Promise<ScoringRun> {
    this.policy.assert(
      this.policy.isPlatformAdmin(actor),
      'Only platform admins re-score everyone',
    );
    // At least 3 characters once trimmed already (StartFullRescoreInput).
    const why = reason.trim();
    return this.dataSource.transaction((m) => this.start(m, why, actor.userId));
  }

  // Whoever started the run (directly or by a weights change) and platform admins follow it.
  async getFor(actor: Actor, runId: string): Promise<ScoringRun> {
    const run = await this.get(runId);
    this.policy.assert(
      this.policy.isPlatformAdmin(actor) || run.requestedById === actor.userId,
      'Only who started the run and platform admins follow it',
    );
    return run;
  }

  async get(runId: string): Promise<ScoringRun> {
    const run = await this.dataSource.getRepository(ScoringRun).findOneBy({ id: runId });
    if (!run) throw AppError.notFound('Scoring run', runId);
    return run;
  }

  // Fixes the chunks (once: a re-delivered job finds them planned) and enqueues the flow for
  // those not done yet; job ids are deterministic, so enqueueing twice adds nothing.
  async plan(runId: string): Promise<void> {
    const run = await this.get(runId);
    if (run.status === ScoringRunStatus.DONE) return;
    await this.dataSource.transaction(async (m) => {
      const locked = await m
        .getRepository(ScoringRun)
        .findOne({ where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (!locked || locked.chunksTotal > 0) return;
      const size = this.config.SCORING_CHUNK_SIZE;
      // A project's candidates cost as much as tens of participants' projects (100k profiles to
      // rank against each): smaller chunks spread that side evenly over the worker processes.
      const projectSize = Math.max(1, Math.floor(size / 10));
      const participantIds = (
        await m.query<Array<{ id: string }>>(
          'SELECT user_id AS id FROM participant_profile ORDER BY user_id',
        )
      ).map((r) => r.id);
      const projectIds = (
        await m.query<Array<{ id: string }>>(
          "SELECT id FROM project WHERE status = 'PUBLISHED' ORDER BY id",
        )
      ).map((r) => r.id);
      const chunks: Array<Omit<ScoringRunChunk, 'doneAt'>> = [];
      for (const [side, ids, n] of [
        [ScoringChunkSide.PARTICIPANTS, participantIds, size],
        [ScoringChunkSide.PROJECTS, projectIds, projectSize],
      ] as const) {
        for (let i = 0; i < ids.length; i += n) {
          chunks.push({ runId, chunk: chunks.length, side, subjectIds: ids.slice(i, i + n) });
        }
      }
      if (chunks.length) await m.insert(ScoringRunChunk, chunks);
      // A run with nothing to score still counts as one (empty) step, so "planned" is visible.
      await m.update(ScoringRun, runId, { chunksTotal: Math.max(chunks.length, 1) });
      if (chunks.length === 0) {
        await m.update(ScoringRun, runId, {
          chunksDone: 1,
          status: ScoringRunStatus.DONE,
          finishedAt: new Date(),
        });
      }
    });
    if ((await this.get(runId)).status === ScoringRunStatus.DONE) return;
    const open = await this.dataSource
      .getRepository(ScoringRunChunk)
      .find({ where: { runId, doneAt: IsNull() }, order: { chunk: 'ASC' } });
    await this.queues.addFlow(
      { name: 'score.all-finished', payload: { runId }, jobId: `score-all-finished-${runId}` },
      open.map((c) => ({
        name: 'score.chunk' as const,
        payload: { runId, chunk: c.chunk },
        jobId: `score-chunk-${runId}-${c.chunk}`,
      })),
    );
  }

  // Exactly once per chunk, whichever worker process runs it and however often it is delivered:
  // the writing transaction first marks the chunk done, and the row lock makes a concurrent pass
  // wait and then find it done, so it writes nothing (and a failed pass rolls its mark back).
  async runChunk(runId: string, chunkNo: number): Promise<'done' | 'skipped'> {
    const chunk = await this.dataSource
      .getRepository(ScoringRunChunk)
      .findOneBy({ runId, chunk: chunkNo });
    if (!chunk) throw AppError.notFound('Scoring run chunk', `${runId}/${chunkNo}`);
    if (chunk.doneAt) return 'skipped';
    const claim = async (m: EntityManager) => {
      const marked = await m
        .createQueryBuilder()
        .update(ScoringRunChunk)
        .set({ doneAt: () => 'now()' })
        .where({ runId, chunk: chunkNo })
        .andWhere('done_at IS NULL')
        .execute();
      return Boolean(marked.affected);
    };
    // Every chunk updates the run's row: last in the transaction, so chunks written side by side
    // wait for each other only at their commits.
    const finish = async (m: EntityManager) => {
      await m.increment(ScoringRun, { id: runId }, 'chunksDone', 1);
    };
    const kind =
      chunk.side === ScoringChunkSide.PARTICIPANTS
        ? ScoringSubjectKind.PARTICIPANT
        : ScoringSubjectKind.PROJECT;
    const wrote = await this.scoring.scoreChunk(kind, chunk.subjectIds, { claim, finish });
    return wrote ? 'done' : 'skipped';
  }

  // The flow's parent: every chunk has finished or failed for good.
  async finish(runId: string): Promise<void> {
    const [{ open }] = await this.dataSource.query<Array<{ open: number }>>(
      'SELECT count(*)::int AS open FROM scoring_run_chunk WHERE run_id = $1 AND done_at IS NULL',
      [runId],
    );
    await this.dataSource
      .createQueryBuilder()
      .update(ScoringRun)
      .set({
        status: open === 0 ? ScoringRunStatus.DONE : ScoringRunStatus.FAILED,
        finishedAt: () => 'now()',
      })
      .where({ id: runId, status: ScoringRunStatus.RUNNING })
      .execute();
  }
}
