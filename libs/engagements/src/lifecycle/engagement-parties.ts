import { Actor, PolicyService, ProjectScope } from '@tsunagu/identity';
import { EngagementRole } from './engagement-state';

// Who takes part in an engagement, and so in the threads about a participant and a project: the
// participant, the staff of the project's region, and the staff of the intermediaries whose remit
// covers the project's place (PolicyService's rules). Pure: decided from the actor and the scope.
// In this order, which a thread's author role follows.
export function engagementRolesOf(
  policy: PolicyService,
  actor: Actor,
  parties: { participantId: string; project: ProjectScope },
): Set<EngagementRole> {
  const roles = new Set<EngagementRole>();
  if (parties.participantId === actor.userId) roles.add(EngagementRole.PARTICIPANT);
  if (policy.canEditProject(actor, parties.project)) roles.add(EngagementRole.REGION);
  if (policy.coversMunicipality(actor, parties.project.municipalityCode)) {
    roles.add(EngagementRole.INTERMEDIARY);
  }
  return roles;
}
