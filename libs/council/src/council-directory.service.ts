import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byTimestamp,
  ConflictReason,
  Connection,
  containsPattern,
  DomainEventPublisher,
  FieldProblem,
  isUuid,
  JapanGeography,
  mapConnection,
  Page,
  paginateKeyset,
  OnEvent,
  PersonalDataOf,
  TooManyRequestsError,
} from '@tsunagu/core';
import type { EventOf } from '@tsunagu/core';
import { ACCOUNT_DELETED, Actor, Organization, PolicyService } from '@tsunagu/identity';
import { Theme } from '@tsunagu/taxonomy';
import { DataSource, EntityManager, In } from 'typeorm';
import { CouncilContact } from './council-contact.entity';
import { COUNCIL_CONTACT_RECEIVED } from './council-events';
import { CouncilMembership, CouncilMembershipStatus } from './council-membership.entity';
import { CouncilMembershipService } from './council-membership.service';
import type {
  ContactCouncilMemberInput,
  CouncilContactType,
  CouncilMemberFilter,
  CouncilMemberType,
  CouncilProfileInput,
} from './council-profile.types';
import { toMemberType } from './council-profile-mapping';

// How much one person, and one member to another, may write in a day: enough to follow up a
// conversation, too little to canvass the directory.
export const CONTACT_LIMITS = { perSenderPerDay: 10, perPairPerDay: 3 } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

type WithOrganization = CouncilMembership & { organization: Organization };

// The council's member directory: each member's profile, kept by its staff, read by anyone;
// and contact between members through the platform.
@Injectable()
export class CouncilDirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly memberships: CouncilMembershipService,
    private readonly events: DomainEventPublisher,
  ) {}

  // The organisation's staff edit its profile while applying or a member.
  async updateProfile(
    actor: Actor,
    organizationId: string,
    input: CouncilProfileInput,
  ): Promise<void> {
    this.policy.assert(
      isUuid(organizationId) && this.policy.canRepresentInCouncil(actor, organizationId),
      "Only the organisation's own staff edit its council profile",
    );
    await this.dataSource.transaction(async (m) => {
      const row = await m
        .getRepository(CouncilMembership)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.organizationId = :id', { id: organizationId })
        .getOne();
      if (!row) throw AppError.notFound('Council membership of organisation', organizationId);
      if (
        row.status !== CouncilMembershipStatus.PENDING &&
        row.status !== CouncilMembershipStatus.APPROVED
      ) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          'Only an applying organisation or a member edits its council profile',
        );
      }
      await this.check(m, input);
      const municipalityCode = input.municipalityCode || null;
      await m.getRepository(CouncilMembership).update(
        { id: row.id },
        {
          introductionJa: input.introductionJa,
          introductionEn: input.introductionEn || null,
          municipalityCode,
          prefectureCode: municipalityCode?.slice(0, 2) ?? null,
          themeCodes: input.themeCodes,
          offerTags: input.offerTags,
          offerText: input.offerText || null,
          seekTags: input.seekTags,
          seekText: input.seekText || null,
          website: input.website || null,
        },
      );
    });
  }

  // Approved members, latest first, by kind, prefecture, theme, what they offer or seek, words.
  async members(filter: CouncilMemberFilter, page: Page): Promise<Connection<CouncilMemberType>> {
    const qb = this.dataSource
      .getRepository(CouncilMembership)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.organization', 'o')
      .where('c.status = :approved', { approved: CouncilMembershipStatus.APPROVED });
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.prefectureCode) {
      qb.andWhere('c.prefectureCode = :prefectureCode', { prefectureCode: filter.prefectureCode });
    }
    if (filter.themeCode) qb.andWhere(':theme = ANY(c.themeCodes)', { theme: filter.themeCode });
    if (filter.offers) qb.andWhere(':offers = ANY(c.offerTags)', { offers: filter.offers });
    if (filter.seeks) qb.andWhere(':seeks = ANY(c.seekTags)', { seeks: filter.seeks });
    const text = filter.text?.trim();
    if (text) {
      qb.andWhere(
        `(o.name ILIKE :pattern OR c.introductionJa ILIKE :pattern
          OR c.introductionEn ILIKE :pattern OR c.offerText ILIKE :pattern
          OR c.seekText ILIKE :pattern)`,
        { pattern: containsPattern(text) },
      );
    }
    // Latest members first.
    const connection = await paginateKeyset(qb, {
      ...page,
      keys: [byTimestamp('c.decidedAt'), byId('c.id')],
    });
    return mapConnection(connection, (row) => toMemberType(row as WithOrganization));
  }

  // An approved member's profile; anything else is NOT_FOUND.
  async member(organizationId: string): Promise<CouncilMemberType> {
    const row = isUuid(organizationId)
      ? await this.dataSource.getRepository(CouncilMembership).findOne({
          where: { organizationId, status: CouncilMembershipStatus.APPROVED },
          relations: { organization: true },
        })
      : null;
    if (!row) throw AppError.notFound('Council member', organizationId);
    return toMemberType(row as WithOrganization);
  }

  // A member's staff write to another member; its staff hear of it by notification and e-mail,
  // with the writer's organisation and name but no address. Limited per writer and per pair of
  // members, counted under a lock on the writing organisation so a burst cannot slip past.
  async contact(actor: Actor, input: ContactCouncilMemberInput): Promise<CouncilContactType> {
    const { fromOrganizationId: from, toOrganizationId: to } = input;
    this.policy.assert(
      isUuid(from) && this.policy.canRepresentInCouncil(actor, from),
      'Write on behalf of an organisation you work for',
    );
    if (!(await this.memberships.isApprovedMember(from))) {
      throw AppError.conflict(
        ConflictReason.NOT_A_COUNCIL_MEMBER,
        'Only council members contact other members',
      );
    }
    if (!isUuid(to) || !(await this.memberships.isApprovedMember(to))) {
      throw AppError.notFound('Council member', to);
    }
    if (from === to) {
      throw AppError.invalidField(['input', 'toOrganizationId'], 'is your own organisation');
    }
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('council-contact:' || $1))`, [from]);
      const since = new Date(Date.now() - DAY_MS);
      const [counts] = await m.query<Array<{ mine: number; pair: number; oldest: Date | null }>>(
        `SELECT count(*) FILTER (WHERE sender_id = $1)::int AS mine,
                count(*) FILTER (WHERE from_organization_id = $2 AND to_organization_id = $3)::int AS pair,
                min(created_at) AS oldest
           FROM council_contacts
          WHERE created_at > $4 AND (sender_id = $1 OR from_organization_id = $2)`,
        [actor.userId, from, to, since],
      );
      if (
        counts.mine >= CONTACT_LIMITS.perSenderPerDay ||
        counts.pair >= CONTACT_LIMITS.perPairPerDay
      ) {
        const waitMs = counts.oldest ? counts.oldest.getTime() + DAY_MS - Date.now() : DAY_MS;
        throw TooManyRequestsError.after(
          'You have written to council members as often as a day allows; try again later',
          waitMs,
        );
      }
      const saved = await m.getRepository(CouncilContact).save({
        fromOrganizationId: from,
        toOrganizationId: to,
        senderId: actor.userId,
        message: input.message,
      });
      await this.events.publish(m, COUNCIL_CONTACT_RECEIVED, { contactId: saved.id });
      return { id: saved.id, sentAt: saved.createdAt };
    });
  }

  // Themes must exist and a municipality must be one of Japan's; every problem at once.
  // The messages the person sent on behalf of their organisation.
  @PersonalDataOf('councilMessages')
  async export(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT f.name AS "from", t.name AS "to", c.message, c.created_at AS "createdAt"
         FROM council_contacts c
         JOIN organization f ON f.id = c.from_organization_id
         JOIN organization t ON t.id = c.to_organization_id
        WHERE c.sender_id = $1 ORDER BY c.created_at`,
      [userId],
    );
  }

  // A departed person's messages lose their words, as their conversation messages do; the rows
  // stay for the organisations' daily limits.
  @OnEvent(ACCOUNT_DELETED)
  async eraseMessages(m: EntityManager, event: EventOf<typeof ACCOUNT_DELETED>): Promise<void> {
    await m.query(`UPDATE council_contacts SET message = '' WHERE sender_id = $1`, [
      event.payload.userId,
    ]);
  }

  private async check(m: EntityManager, input: CouncilProfileInput): Promise<void> {
    const problems: FieldProblem[] = [];
    if (input.municipalityCode && !JapanGeography.get().municipality(input.municipalityCode)) {
      problems.push({ path: ['input', 'municipalityCode'], message: 'is not a municipality' });
    }
    if (input.themeCodes.length) {
      const known = new Set(
        (await m.getRepository(Theme).findBy({ code: In(input.themeCodes) })).map((t) => t.code),
      );
      input.themeCodes.forEach((code, i) => {
        if (!known.has(code)) {
          problems.push({ path: ['input', 'themeCodes', String(i)], message: 'is not a theme' });
        }
      });
    }
    if (problems.length) throw AppError.invalidFields(problems);
  }
}
