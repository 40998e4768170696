import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobPayload } from '@tsunagu/core';
import { ScoringRunService, ScoringService } from '@tsunagu/scoring';

@Injectable()
export class ScoringJobs {
  private readonly logger = new Logger(ScoringJobs.name);

  constructor(
    private readonly scoring: ScoringService,
    private readonly runs: ScoringRunService,
  ) {}

  @JobHandler('score.participant')
  async participant(payload: JobPayload<'score.participant'>): Promise<void> {
    await this.scoring.scoreParticipant(payload.participantId);
  }

  @JobHandler('score.project')
  async project(payload: JobPayload<'score.project'>): Promise<void> {
    await this.scoring.scoreProject(payload.projectId);
  }

  @JobHandler('score.all')
  async all(payload: JobPayload<'score.all'>): Promise<void> {
    await this.runs.plan(payload.runId);
  }

  @JobHandler('score.chunk')
  async chunk(payload: JobPayload<'score.chunk'>): Promise<void> {
    const outcome = await this.runs.runChunk(payload.runId, payload.chunk);
    if (outcome === 'skipped')
      this.logger.log(`chunk ${payload.chunk} of ${payload.runId} was done`);
  }

  @JobHandler('score.all-finished')
  async finished(payload: JobPayload<'score.all-finished'>): Promise<void> {
    await this.runs.finish(payload.runId);
  }
}
