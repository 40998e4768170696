import { Actor, PolicyService, ProjectScope } from '@tsunagu/identity';
import { ConversationRole } from './conversation.entities';

// What the actor may do in a thread: the roles they write in (none for a reader), and whether
// they may read at all. Platform admins read; they are no party and do not write.
export interface ConversationAccess {
  roles: ConversationRole[];
  canRead: boolean;
  canWrite: boolean;
}

// The parties of a thread: its participant, the staff of the project's region, and the staff of
// the intermediaries whose remit covers the project's place (the rule of PolicyService, the same
// one the engagement's roles use). Pure: decided from the actor and the thread's scope.
export function conversationAccess(
  policy: PolicyService,
  actor: Actor,
  thread: { participantId: string; project: ProjectScope },
): ConversationAccess {
  const roles: ConversationRole[] = [];
  if (thread.participantId === actor.userId) roles.push(ConversationRole.PARTICIPANT);
  if (policy.canEditProject(actor, thread.project)) roles.push(ConversationRole.REGION);
  if (policy.coversMunicipality(actor, thread.project.municipalityCode)) {
    roles.push(ConversationRole.INTERMEDIARY);
  }
  const canWrite = roles.length > 0;
  return { roles, canWrite, canRead: canWrite || policy.isPlatformAdmin(actor) };
}
