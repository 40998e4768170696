import { Actor } from '@tsunagu/identity';
import { toProjectType } from '@tsunagu/projects';
import { ConversationMessage } from './conversation.entities';
import type { ConversationView } from './conversation.service';
import { ConversationKind, ConversationType, MessageType } from './conversation.types';
import type { LiveMessage } from './live-messages';

export function toMessageType(message: ConversationMessage, viewerId: string): MessageType {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    body: message.body,
    authorName: message.author?.displayName ?? null,
    authorRole: message.authorRole,
    mine: message.authorId === viewerId,
    createdAt: message.createdAt,
  };
}

export function toConversationType(view: ConversationView, actor: Actor): ConversationType {
  const c = view.conversation;
  return {
    id: c.id,
    kind: c.engagementId ? ConversationKind.ENGAGEMENT : ConversationKind.SCOUT_OFFER,
    engagementId: c.engagementId,
    scoutOfferId: c.scoutOfferId,
    project: toProjectType(c.project!),
    participantName: c.participant!.displayName,
    myRoles: view.access.roles,
    canWrite: view.access.canWrite,
    closed: view.closed,
    messageCount: c.messageCount,
    unreadCount: view.unreadCount,
    lastMessage: view.lastMessage && toMessageType(view.lastMessage, actor.userId),
    lastMessageAt: c.lastMessageAt,
    createdAt: c.createdAt,
  };
}

// What a stored message becomes on its way to other API instances' subscribers.
export function toLiveMessage(message: ConversationMessage): LiveMessage {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    body: message.body,
    authorId: message.authorId,
    authorName: message.author?.displayName ?? null,
    authorRole: message.authorRole,
    createdAt: message.createdAt.toISOString(),
  };
}
