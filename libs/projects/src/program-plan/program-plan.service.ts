import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import { DataSource } from 'typeorm';
import { Program } from '../program.entity';
import { ProgramKpiTarget, ProgramReview } from './program-plan.entity';
import {
  ProgramKpiTargetType,
  ProgramReviewType,
  SetProgramKpiTargetsInput,
  SetProgramReviewInput,
} from './program-plan.types';

export interface ProgramPlan {
  program: Program;
  fiscalYear: number;
  targets: ProgramKpiTargetType[];
  review: ProgramReviewType | null;
}

// A program's yearly plan: KPI targets and PDCA notes, set and read by its intermediary's staff
// (and platform admins), for the program report.
@Injectable()
export class ProgramPlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  // Upserts each listed target (null removes it), so two staff saving at once leave one row per
  // metric: whoever commits last.
  // The fiscal year and numbers are in range already (SetProgramKpiTargetsInput).
  async setTargets(actor: Actor, input: SetProgramKpiTargetsInput): Promise<ProgramPlan> {
    const seen = new Set<string>();
    input.targets.forEach((t, i) => {
      if (seen.has(t.metric)) {
        throw AppError.invalidField(['input', 'targets', String(i), 'metric'], 'is listed twice');
      }
      seen.add(t.metric);
    });
    const program = await this.programOf(actor, input.programId);
    await this.dataSource.transaction(async (m) => {
      for (const t of input.targets) {
        if (t.target === null || t.target === undefined) {
          await m.delete(ProgramKpiTarget, {
            programId: program.id,
            fiscalYear: input.fiscalYear,
            metric: t.metric,
          });
          continue;
        }
        await m.query(
          `INSERT INTO program_kpi_target
             (program_id, fiscal_year, metric, target, updated_by_user_id, updated_at)
           VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT (program_id, fiscal_year, metric) DO UPDATE
             SET target = EXCLUDED.target, updated_by_user_id = EXCLUDED.updated_by_user_id,
                 updated_at = EXCLUDED.updated_at`,
          [program.id, input.fiscalYear, t.metric, t.target, actor.userId],
        );
      }
    });
    return this.planFor(program, input.fiscalYear);
  }

  // Replaces the year's notes as a whole; concurrent saves keep the last one.
  async setReview(actor: Actor, input: SetProgramReviewInput): Promise<ProgramPlan> {
    const program = await this.programOf(actor, input.programId);
    await this.dataSource.query(
      `INSERT INTO program_review
         (program_id, fiscal_year, plan, execution, evaluation, improvement, updated_by_user_id,
          updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (program_id, fiscal_year) DO UPDATE
         SET plan = EXCLUDED.plan, execution = EXCLUDED.execution,
             evaluation = EXCLUDED.evaluation, improvement = EXCLUDED.improvement,
             updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = EXCLUDED.updated_at`,
      [
        program.id,
        input.fiscalYear,
        input.plan.trim(),
        input.execution.trim(),
        input.evaluation.trim(),
        input.improvement.trim(),
        actor.userId,
      ],
    );
    return this.planFor(program, input.fiscalYear);
  }

  // The program's plan for the year, for its staff and platform admins.
  async planOf(actor: Actor, programId: string, fiscalYear: number): Promise<ProgramPlan> {
    return this.planFor(await this.programOf(actor, programId), fiscalYear);
  }

  private async programOf(actor: Actor, programId: string): Promise<Program> {
    const program = await this.dataSource.getRepository(Program).findOneBy({ id: programId });
    if (!program) throw AppError.notFound('Program', programId);
    this.policy.assert(
      this.policy.canRunProgramsOf(actor, program.intermediaryOrganizationId),
      "Only the program's intermediary plans and reports on it",
    );
    return program;
  }

  private async planFor(program: Program, fiscalYear: number): Promise<ProgramPlan> {
    const manager = this.dataSource.manager;
    const where = { programId: program.id, fiscalYear };
    const [targets, review] = await Promise.all([
      manager.find(ProgramKpiTarget, { where, relations: { updatedBy: true } }),
      manager.findOne(ProgramReview, { where, relations: { updatedBy: true } }),
    ]);
    return {
      program,
      fiscalYear,
      targets: targets.map((t) => ({
        metric: t.metric,
        target: t.target,
        updatedByName: t.updatedBy?.displayName ?? null,
        updatedAt: t.updatedAt,
      })),
      review: review && {
        fiscalYear,
        plan: review.plan,
        execution: review.execution,
        evaluation: review.evaluation,
        improvement: review.improvement,
        updatedByName: review.updatedBy?.displayName ?? null,
        updatedAt: review.updatedAt,
      },
    };
  }
}
