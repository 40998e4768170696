import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import { FACTORS } from '@tsunagu/matching';
import { Program } from '@tsunagu/projects';
import { DataSource } from 'typeorm';
import { ProgramWeights } from './program-weights.entity';
import { latestProgramWeights } from './program-weights.queries';
import { ScoringRunService } from './scoring-run.service';

@Injectable()
export class ProgramWeightsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly runs: ScoringRunService,
  ) {}

  // The program's intermediary staff (or a platform admin) set new weights (valid already), stored as
  // the next version, and a full re-score is started in the same transaction.
  async set(
    actor: Actor,
    programId: string,
    weights: Record<string, number>,
  ): Promise<ProgramWeights> {
    // Each weight and the set are valid already (SetProgramWeightsInput, the engine's rules).
    return this.dataSource.transaction(async (m) => {
      // Locking the program serialises concurrent changes, so versions never collide.
      const program = await m
        .getRepository(Program)
        .findOne({ where: { id: programId }, lock: { mode: 'pessimistic_write' } });
      if (!program) throw AppError.notFound('Program', programId);
      this.policy.assert(
        this.policy.canRunProgramsOf(actor, program.intermediaryOrganizationId),
        "Only the program's intermediary sets its matching weights",
      );
      const latest = await latestProgramWeights(m, [programId]);
      const row = await m.getRepository(ProgramWeights).save({
        programId,
        version: (latest.get(programId)?.version ?? 0) + 1,
        weights: Object.fromEntries(FACTORS.map((f) => [f, weights[f]])),
        createdById: actor.userId,
      });
      await this.runs.start(
        m,
        `weights of program ${programId} set to version ${row.version}`,
        actor.userId,
      );
      return row;
    });
  }

  // The program's current weights row (undefined: it uses the defaults).
  async current(programId: string): Promise<ProgramWeights | undefined> {
    if (!(await this.dataSource.getRepository(Program).existsBy({ id: programId }))) {
      throw AppError.notFound('Program', programId);
    }
    return (await latestProgramWeights(this.dataSource.manager, [programId])).get(programId);
  }
}
