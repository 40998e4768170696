import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { Actor, Organization, OrganizationKind, PolicyService } from '@tsunagu/identity';
import { DataSource, In } from 'typeorm';
import { Program } from './program.entity';
import type { CreateProgramInput } from './project.types';

@Injectable()
export class ProgramService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  // Staff of the intermediary (or platform admins) set up its programs.
  async create(actor: Actor, input: CreateProgramInput): Promise<Program> {
    const org = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: input.intermediaryOrganizationId });
    if (!org || org.kind !== OrganizationKind.INTERMEDIARY) {
      throw AppError.invalidField(
        ['input', 'intermediaryOrganizationId'],
        'is not an intermediary organisation',
      );
    }
    this.policy.assert(
      this.policy.canRunProgramsOf(actor, org.id),
      "Only the intermediary's staff create its programs",
    );
    const repo = this.dataSource.getRepository(Program);
    return repo.save(
      repo.create({
        intermediaryOrganizationId: org.id,
        name: input.name.trim(),
        description: input.description,
      }),
    );
  }

  // The intermediary's staff set how long its engagements may go without a check-in (null: the
  // platform default).
  // The days are in range already (SetProgramStaleAfterDaysArgs).
  async setStaleAfterDays(actor: Actor, programId: string, days: number | null): Promise<Program> {
    const repo = this.dataSource.getRepository(Program);
    const program = await repo.findOneBy({ id: programId });
    if (!program) throw AppError.notFound('Program', programId);
    this.policy.assert(
      this.policy.canRunProgramsOf(actor, program.intermediaryOrganizationId),
      "Only the program's intermediary sets its check-in rhythm",
    );
    program.staleAfterDays = days;
    return repo.save(program);
  }

  findByIds(ids: readonly string[]): Promise<Program[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Program).findBy({ id: In([...new Set(ids)]) });
  }

  // The programs of several intermediaries in one query, each one's oldest first.
  listForMany(intermediaryOrganizationIds: readonly string[]): Promise<Program[]> {
    if (intermediaryOrganizationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Program).find({
      where: { intermediaryOrganizationId: In([...new Set(intermediaryOrganizationIds)]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  listFor(intermediaryOrganizationId: string): Promise<Program[]> {
    return this.dataSource
      .getRepository(Program)
      .find({ where: { intermediaryOrganizationId }, order: { createdAt: 'ASC' } });
  }
}
