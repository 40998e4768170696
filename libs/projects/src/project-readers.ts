import { Injectable } from '@nestjs/common';
import { checkOneProviderEach, MethodDiscovery } from '@tsunagu/core';
import type { Actor } from '@tsunagu/identity';
import { DataSource, EntityManager } from 'typeorm';

// Who may still read a project once it has ended (closed or archived): besides its region and
// supervisors, everyone whose own pages link to it. Their pages keep the link after the project
// ends (an engagement, a conversation, a cohort's ranking, a company's programme), and a link that
// answers "not found" loses them what they took part in.
//
// Each relation is answered by the context that owns it, as audiences are: projects does not read
// engagements', cohorts' or companies' tables. Only an ended project is read this way: one sent
// back to draft (or in review again) is being rewritten under its supervisors' comment, which is
// for the region, so it is hidden from everyone else until it is published again. A company's
// people read a project through their programme only: the teams page lists a team's applications
// to the programme's projects, and a team member's own engagement is the engagement relation.
export const PROJECT_READER_RELATIONS = [
  // engagements: a participant with an engagement on the project, whatever its status.
  'engagement',
  // engagements: a participant who received a scout offer for it, whatever came of it.
  'scoutOffer',
  // cohorts: a participant in a cohort that holds it (the cohort's page and its ranking).
  'cohort',
  // companies: the people of a company whose programme holds it.
  'companyProgram',
] as const;
export type ProjectReaderRelation = (typeof PROJECT_READER_RELATIONS)[number];

// Whether the actor stands in the relation to the project; read with the given manager.
export type ProjectReaderCheck = (
  manager: EntityManager,
  actor: Actor,
  projectId: string,
) => Promise<boolean>;

export const PROJECT_READER_RELATION = 'tsunagu:project-reader-relation';

export function ProjectReadersOf(relation: ProjectReaderRelation) {
  return (
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<ProjectReaderCheck>,
  ): void => {
    Reflect.defineMetadata(PROJECT_READER_RELATION, relation, descriptor.value!);
  };
}

// Checks discovered relations against the list, as personal-data readers are checked.
export function checkProjectReaderRelations(found: string[]): string[] {
  return checkOneProviderEach(PROJECT_READER_RELATIONS, found, {
    item: 'project reader relation',
    provider: 'provider',
  });
}

@Injectable()
export class ProjectReaders {
  private checks?: ProjectReaderCheck[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly methods: MethodDiscovery,
  ) {}

  // Whether any relation links the actor to the project. Asked only for projects that are not
  // published, so the few small lookups (each an index probe) cost nothing on the usual path.
  async reads(
    actor: Actor,
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    for (const check of this.table()) {
      if (await check(manager, actor, projectId)) return true;
    }
    return false;
  }

  // Throws unless every listed relation has exactly one provider; the API calls it at start.
  checkProviders(): void {
    this.table();
  }

  private table(): ProjectReaderCheck[] {
    if (!this.checks) {
      const found = this.methods.find<string>(PROJECT_READER_RELATION);
      const problems = checkProjectReaderRelations(found.map((f) => f.metadata));
      if (problems.length) throw new Error(problems.join('; '));
      // In the list's order: the participant's own relations, which are the usual case, first.
      this.checks = PROJECT_READER_RELATIONS.map(
        (relation) => found.find((f) => f.metadata === relation)!.method as ProjectReaderCheck,
      );
    }
    return this.checks;
  }
}
