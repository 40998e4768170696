import type { Project } from './project.entity';

// Who may join: a project lists the participant kinds it is open to, or none for everyone.
export function isOpenToKind(project: Pick<Project, 'eligibleKinds'>, kind: string): boolean {
  return project.eligibleKinds.length === 0 || (project.eligibleKinds as string[]).includes(kind);
}
