import { EngagementRole, engagementRolesOf } from '@tsunagu/engagements';
import { Actor, PolicyService, ProjectScope } from '@tsunagu/identity';
import { ConversationRole } from './conversation.entities';

// What the actor may do in a thread: the roles they write in (none for a reader), and whether
// they may read at all. Platform admins read; they are no party and do not write.
export interface ConversationAccess {
  roles: ConversationRole[];
  canRead: boolean;
  canWrite: boolean;
}

const AS_CONVERSATION_ROLE: Record<EngagementRole, ConversationRole> = {
  [EngagementRole.PARTICIPANT]: ConversationRole.PARTICIPANT,
  [EngagementRole.REGION]: ConversationRole.REGION,
  [EngagementRole.INTERMEDIARY]: ConversationRole.INTERMEDIARY,
};

// The parties of a thread are those of an engagement between its participant and its project:
// the engagements' rule (engagementRolesOf) decides, for scout offers' threads too.
export function conversationAccess(
  policy: PolicyService,
  actor: Actor,
  thread: { participantId: string; project: ProjectScope },
): ConversationAccess {
  const roles = [...engagementRolesOf(policy, actor, thread)].map((r) => AS_CONVERSATION_ROLE[r]);
  const canWrite = roles.length > 0;
  return { roles, canWrite, canRead: canWrite || policy.isPlatformAdmin(actor) };
}
