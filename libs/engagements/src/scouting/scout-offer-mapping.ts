import { toOrganizationType } from '@tsunagu/identity';
import { toProjectType } from '@tsunagu/projects';
import { scoutOfferStatusAt, type ScoutOffer } from './scout-offer.entity';
import type { ScoutOfferType } from './scout-offer.types';

// Expects project, participant (with user), senderOrganization and sentBy loaded.
export function toScoutOfferType(offer: ScoutOffer, now = new Date()): ScoutOfferType {
  const profile = offer.participant!;
  return {
    id: offer.id,
    project: toProjectType(offer.project!),
    participant: {
      userId: profile.userId,
      displayName: profile.user!.displayName,
      kind: profile.kind,
    },
    senderOrganization: toOrganizationType(offer.senderOrganization!),
    sentByName: offer.sentBy?.displayName ?? null,
    message: offer.message,
    status: scoutOfferStatusAt(offer, now),
    expiresAt: offer.expiresAt,
    respondedAt: offer.respondedAt,
    responseNote: offer.responseNote,
    engagementId: offer.engagementId,
    applicationId: offer.engagementId,
    createdAt: offer.createdAt,
  };
}
