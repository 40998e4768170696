import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byTimestamp,
  ConflictReason,
  Connection,
  FieldProblem,
  mapConnection,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { Actor, normalizeEmail, User } from '@tsunagu/identity';
import { Theme } from '@tsunagu/taxonomy';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { MentoringAccess } from './mentoring-access';
import { Mentor, MentoringFormat, MentoringSlot } from './mentoring.entities';
import {
  AppointMentorInput,
  MENTORING_LIMITS,
  MentorProfileInput,
  PublishMentoringSlotInput,
} from './mentoring.types';

export const DEFAULT_MENTORING_TIME_ZONE = 'Asia/Tokyo';
const HOUR = 60 * 60 * 1000;

// A mentor card shows the soonest free slots only: a mentor may publish a year of them, and a
// page of mentors must stay one bounded response. The count tells the reader how many more.
export const MENTOR_FREE_SLOTS_SHOWN = 5;

export interface MentorView {
  mentor: Mentor & { user: User };
  // The soonest MENTOR_FREE_SLOTS_SHOWN free slots that have not started.
  freeSlots: MentoringSlot[];
  freeSlotCount: number;
}

// Mentors and their slots: admins appoint mentors; a mentor keeps their profile and publishes
// and removes their slots. A mentor's slot changes are ordered by the mentor's row lock.
@Injectable()
export class MentorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MentoringAccess,
  ) {}

  // Appoints the person with this address, or updates the profile of one appointed already.
  async appoint(actor: Actor, input: AppointMentorInput): Promise<MentorView> {
    if (!this.access.isAdmin(actor)) throw AppError.forbidden('Platform admins appoint mentors');
    const user = await this.dataSource
      .getRepository(User)
      .findOneBy({ email: normalizeEmail(input.email), deletedAt: IsNull() });
    if (!user) throw AppError.invalidField(['input', 'email'], 'is not the address of an account');
    await this.checkProfile(input);
    await this.dataSource.query(
      `INSERT INTO mentor (user_id, bio_ja, bio_en, theme_codes, offers_online, offers_on_site, appointed_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET bio_ja = $2, bio_en = $3, theme_codes = $4,
         offers_online = $5, offers_on_site = $6, updated_at = now()`,
      [
        user.id,
        input.bioJa,
        input.bioEn || null,
        input.themeCodes,
        input.offersOnline,
        input.offersOnSite,
        actor.userId,
      ],
    );
    return this.viewByUser(user.id);
  }

  async updateMine(actor: Actor, input: MentorProfileInput): Promise<MentorView> {
    const mentor = await this.mineOrFail(this.dataSource.manager, actor);
    await this.checkProfile(input);
    await this.dataSource.getRepository(Mentor).update(
      { id: mentor.id },
      {
        bioJa: input.bioJa,
        bioEn: input.bioEn || null,
        themeCodes: input.themeCodes,
        offersOnline: input.offersOnline,
        offersOnSite: input.offersOnSite,
      },
    );
    return this.viewByUser(actor.userId);
  }

  // Every mentor with their free slots that have not started, in two queries.
  // Newest appointed first, a page at a time: the list grows with every appointment.
  async list(page: Page): Promise<Connection<MentorView>> {
    const qb = this.dataSource
      .getRepository(Mentor)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('u.deletedAt IS NULL');
    const connection = await paginateKeyset(qb, {
      ...page,
      keys: [byTimestamp('m.appointed_at'), byId('m.id')],
    });
    const mentors = connection.edges.map((e) => e.node as Mentor & { user: User });
    const free = await this.freeSlotsOf(mentors.map((m) => m.id));
    return mapConnection(connection, (mentor) => ({
      mentor: mentor as Mentor & { user: User },
      ...(free.get(mentor.id) ?? { freeSlots: [], freeSlotCount: 0 }),
    }));
  }

  async findMine(actor: Actor): Promise<Mentor | null> {
    return this.dataSource.getRepository(Mentor).findOneBy({ userId: actor.userId });
  }

  async mineOrFail(m: EntityManager, actor: Actor, lock = false): Promise<Mentor> {
    const query = m
      .getRepository(Mentor)
      .createQueryBuilder('m')
      .where('m.userId = :userId', { userId: actor.userId });
    if (lock) query.setLock('pessimistic_write');
    const mentor = await query.getOne();
    if (!mentor) throw AppError.forbidden('Only mentors do this');
    return mentor;
  }

  // Never overlapping the mentor's own live slots: checked under the mentor's row lock, so two
  // slots published at once cannot both pass.
  async publishSlot(actor: Actor, input: PublishMentoringSlotInput): Promise<MentoringSlot> {
    const problems: FieldProblem[] = [];
    const at = (field: string) => ['input', field];
    const now = Date.now();
    if (input.startsAt.getTime() <= now) {
      problems.push({ path: at('startsAt'), message: 'must be in the future' });
    } else if (input.startsAt.getTime() > now + MENTORING_LIMITS.daysAhead * 24 * HOUR) {
      problems.push({ path: at('startsAt'), message: 'must be within a year' });
    }
    const length = input.endsAt.getTime() - input.startsAt.getTime();
    if (length <= 0) problems.push({ path: at('endsAt'), message: 'must be after the start' });
    else if (length > MENTORING_LIMITS.slotHours * HOUR) {
      problems.push({ path: at('endsAt'), message: 'must be at most 4 hours after the start' });
    }
    if (input.format === MentoringFormat.ONLINE && !input.meetingUrl) {
      problems.push({ path: at('meetingUrl'), message: 'is required for an online session' });
    }
    if (input.format === MentoringFormat.ON_SITE && !input.place) {
      problems.push({ path: at('place'), message: 'is required for an on-site session' });
    }
    if (problems.length) throw AppError.invalidFields(problems);
    return this.dataSource.transaction(async (m) => {
      const mentor = await this.mineOrFail(m, actor, true);
      const overlapping = await m.query<Array<{ id: string }>>(
        `SELECT id FROM mentoring_slot
          WHERE mentor_id = $1 AND removed_at IS NULL AND starts_at < $3 AND ends_at > $2 LIMIT 1`,
        [mentor.id, input.startsAt, input.endsAt],
      );
      if (overlapping.length) {
        throw AppError.conflictField(
          ConflictReason.OVERLAPPING_SLOT,
          ['input', 'startsAt'],
          'overlaps one of your slots',
        );
      }
      const online = input.format === MentoringFormat.ONLINE;
      const inserted = await m.getRepository(MentoringSlot).insert({
        mentorId: mentor.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        timeZone: input.timeZone ?? DEFAULT_MENTORING_TIME_ZONE,
        format: input.format,
        meetingUrl: online ? input.meetingUrl! : null,
        place: online ? null : input.place!,
      });
      return m
        .getRepository(MentoringSlot)
        .findOneByOrFail({ id: (inserted.identifiers[0] as { id: string }).id });
    });
  }

  // A free slot leaves the calendar; a booked one must be cancelled first (the member hears).
  async removeSlot(actor: Actor, slotId: string): Promise<MentoringSlot> {
    return this.dataSource.transaction(async (m) => {
      const mentor = await this.mineOrFail(m, actor, true);
      // The slot's row lock is the one a booking takes: a booking in flight is seen, not missed.
      const slot = await m.getRepository(MentoringSlot).findOne({
        where: { id: slotId, mentorId: mentor.id, removedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!slot) throw AppError.notFound('Slot', slotId);
      const [booked] = await m.query<Array<{ id: string }>>(
        `SELECT id FROM mentoring_booking WHERE slot_id = $1 AND status = 'BOOKED'`,
        [slotId],
      );
      if (booked) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          'This slot is booked: cancel the session first',
        );
      }
      await m.getRepository(MentoringSlot).update({ id: slotId }, { removedAt: new Date() });
      return { ...slot, removedAt: new Date() };
    });
  }

  // The mentor's live slots ending in the last 90 days or later, soonest first.
  async deskSlots(mentorId: string): Promise<MentoringSlot[]> {
    return this.dataSource
      .getRepository(MentoringSlot)
      .createQueryBuilder('s')
      .where('s.mentorId = :mentorId AND s.removedAt IS NULL', { mentorId })
      .andWhere(`s.endsAt > now() - interval '90 days'`)
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  async viewByUser(userId: string): Promise<MentorView> {
    const mentor = await this.dataSource
      .getRepository(Mentor)
      .findOneOrFail({ where: { userId }, relations: { user: true } });
    const free = await this.freeSlotsOf([mentor.id]);
    return {
      mentor: mentor as Mentor & { user: User },
      ...(free.get(mentor.id) ?? { freeSlots: [], freeSlotCount: 0 }),
    };
  }

  // Each mentor's soonest free slots (at most MENTOR_FREE_SLOTS_SHOWN) and how many there are.
  private async freeSlotsOf(
    mentorIds: string[],
  ): Promise<Map<string, Pick<MentorView, 'freeSlots' | 'freeSlotCount'>>> {
    const free = new Map<string, Pick<MentorView, 'freeSlots' | 'freeSlotCount'>>();
    if (mentorIds.length === 0) return free;
    const isFree = `f.mentor_id IN (:...mentorIds) AND f.removed_at IS NULL AND f.starts_at > now()
      AND NOT EXISTS (SELECT 1 FROM mentoring_booking b WHERE b.slot_id = f.id AND b.status = 'BOOKED')`;
    const [slots, counts] = await Promise.all([
      this.dataSource
        .getRepository(MentoringSlot)
        .createQueryBuilder('s')
        .where(
          `s.id IN (SELECT ranked.id FROM (
             SELECT f.id, row_number() OVER (PARTITION BY f.mentor_id ORDER BY f.starts_at, f.id) AS rank
             FROM mentoring_slot f WHERE ${isFree}) ranked WHERE ranked.rank <= :shown)`,
          { mentorIds, shown: MENTOR_FREE_SLOTS_SHOWN },
        )
        .orderBy('s.startsAt', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .getMany(),
      this.dataSource
        .createQueryBuilder()
        .select('f.mentor_id', 'mentorId')
        .addSelect('count(*)::int', 'count')
        .from('mentoring_slot', 'f')
        .where(isFree, { mentorIds })
        .groupBy('f.mentor_id')
        .getRawMany<{ mentorId: string; count: number }>(),
    ]);
    for (const { mentorId, count } of counts) {
      free.set(mentorId, {
        freeSlots: slots.filter((s) => s.mentorId === mentorId),
        freeSlotCount: count,
      });
    }
    return free;
  }

  private async checkProfile(input: MentorProfileInput): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!input.offersOnline && !input.offersOnSite) {
      problems.push({ path: ['input', 'offersOnline'], message: 'choose online, on site or both' });
    }
    if (input.themeCodes.length) {
      const known = new Set(
        (await this.dataSource.getRepository(Theme).findBy({ code: In(input.themeCodes) })).map(
          (t) => t.code,
        ),
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
