import { Injectable } from '@nestjs/common';
import { Actor, PolicyService } from '@tsunagu/identity';
import { ProjectReadersOf } from '@tsunagu/projects';
import { EntityManager } from 'typeorm';

// Companies' answer to "who still reads a project that is no longer published"
// (libs/projects/src/project-readers.ts): the people of a company whose programme holds it
// (owners and employees see its programmes page). Only published projects join a programme.
@Injectable()
export class CompanyProjectReaders {
  constructor(private readonly policy: PolicyService) {}

  @ProjectReadersOf('companyProgram')
  async inProgram(m: EntityManager, actor: Actor, projectId: string): Promise<boolean> {
    const companies = this.policy.companiesOf(actor);
    if (companies.length === 0) return false;
    const rows = await m.query<unknown[]>(
      `SELECT 1 FROM company_program cp
         JOIN company_program_project cpp ON cpp.program_id = cp.id
        WHERE cp.company_organization_id = ANY($1::uuid[]) AND cpp.project_id = $2
        LIMIT 1`,
      [companies, projectId],
    );
    return rows.length > 0;
  }
}
