import { Project, ProjectStatus } from './project.entity';

// Who may join: a project lists the participant kinds it is open to, or none for everyone.
export function isOpenToKind(project: Pick<Project, 'eligibleKinds'>, kind: string): boolean {
  return project.eligibleKinds.length === 0 || (project.eligibleKinds as string[]).includes(kind);
}

// Why a project takes no applications now, or null when it does: it must be published and not
// paused (a paused project waits for its region to answer overdue applications). Every way in —
// applying, accepting or sending a scout offer, confirming a cohort — asks this one rule.
export function notTakingApplications(
  project: Pick<Project, 'status' | 'pausedAt' | 'pauseReason'>,
): string | null {
  if (project.status !== ProjectStatus.PUBLISHED) return `This project is ${project.status}`;
  if (project.pausedAt) return `This project is paused: ${project.pauseReason}`;
  return null;
}
