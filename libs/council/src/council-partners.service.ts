import { Injectable } from '@nestjs/common';
import { AppError, JapanGeography } from '@tsunagu/core';
import { Actor, Organization, PolicyService } from '@tsunagu/identity';
import {
  CouncilMemberFacts,
  CouncilMemberKind,
  type GeoPoint,
  suggestPartners,
} from '@tsunagu/matching';
import { DataSource } from 'typeorm';
import { toMemberType } from './council-profile-mapping';
import { CouncilMembership, CouncilMembershipStatus } from './council-membership.entity';
import { CouncilMembershipService } from './council-membership.service';
import type { CouncilPartnerSuggestionType } from './council-profile.types';
import { COUNCIL_TAG_NAMES, CouncilTag } from './council-tags';

type WithOrganization = CouncilMembership & { organization: Organization };

// Partner suggestions between council members, both ways, from the members' profiles.
@Injectable()
export class CouncilPartnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly memberships: CouncilMembershipService,
  ) {}

  // For a member's own staff (or platform admins): the members it could work with, best first.
  async suggestions(
    actor: Actor,
    organizationId: string,
    first: number,
  ): Promise<CouncilPartnerSuggestionType[]> {
    this.policy.assert(this.policy.canSeeMembersOf(actor, organizationId));
    await this.memberships.assertApprovedMember(organizationId);
    // The directory is hundreds of members: scoring them all is cheaper than any index.
    const rows = (await this.dataSource.getRepository(CouncilMembership).find({
      where: { status: CouncilMembershipStatus.APPROVED },
      relations: { organization: true },
    })) as WithOrganization[];
    const own = rows.find((r) => r.organizationId === organizationId);
    if (!own) throw AppError.notFound('Council member', organizationId);
    const byId = new Map(rows.map((r) => [r.organizationId, r]));
    const ranked = suggestPartners(
      factsOf(own),
      rows.map(factsOf),
      first,
      (tag) => COUNCIL_TAG_NAMES[tag as CouncilTag] ?? { ja: tag, en: tag },
    );
    return ranked.map((s) => ({
      member: toMemberType(byId.get(s.organizationId)!),
      score: s.score,
      theyOffer: s.theyOffer as CouncilTag[],
      youOffer: s.youOffer as CouncilTag[],
      factors: s.factors,
    }));
  }
}

function factsOf(row: WithOrganization): CouncilMemberFacts {
  return {
    organizationId: row.organizationId,
    kind: row.organization.kind as CouncilMemberKind,
    offers: new Set(row.offerTags),
    seeks: new Set(row.seekTags),
    themes: new Set(row.themeCodes),
    point: pointOf(row),
  };
}

// The member's municipality, else its prefecture.
function pointOf(row: CouncilMembership): GeoPoint | null {
  const geography = JapanGeography.get();
  const place =
    (row.municipalityCode && geography.municipality(row.municipalityCode)) ||
    (row.prefectureCode && geography.prefecture(row.prefectureCode)) ||
    null;
  return place ? { lat: place.lat, lng: place.lng } : null;
}
