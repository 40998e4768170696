import { Injectable, Logger } from '@nestjs/common';
import {
  AppError,
  ConflictReason,
  DomainEventPublisher,
  FieldProblem,
  isUniqueViolation,
  OnEvent,
} from '@tsunagu/core';
import type { EventOf } from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import { Project, ProjectStatus } from '@tsunagu/projects';
import { DataSource, EntityManager, In } from 'typeorm';
import { EngagementCheckIn } from '../accompaniment/engagement-accompaniment.entities';
import { Engagement } from '../lifecycle/engagement.entity';
import { EngagementStatus } from '../lifecycle/engagement-state';
import { EngagementService } from '../lifecycle/engagement.service';
import { ENGAGEMENT_STATUS_CHANGED } from '../lifecycle/engagement-events';
import {
  ActivityDay,
  ActivityDaySignup,
  ActivityDaySignupStatus,
  ActivityDayStatus,
} from './activity-day.entities';
import {
  ACTIVITY_DAY_CANCELLED,
  ACTIVITY_DAY_REMINDER,
  ACTIVITY_DAYS_PUBLISHED,
} from './activity-day-events';
import { dayHours, jstInstant, jstParts, MAX_DAY_HOURS, signupCutoff } from './activity-day-times';

// Who may sign up for a project's days: an engagement the region said yes to and that is not
// over (accepted, approved, or running — ongoing supporters included).
export const SIGNS_UP_FOR_DAYS: readonly EngagementStatus[] = [
  EngagementStatus.ACCEPTED,
  EngagementStatus.APPROVED,
  EngagementStatus.ACTIVE,
];

// Projects whose region publishes days: published ones, and closed ones (no new applicants, but
// their engagements go on).
const PUBLISHES_DAYS: readonly ProjectStatus[] = [ProjectStatus.PUBLISHED, ProjectStatus.CLOSED];

// How far back the region's list goes: attendance is taken on the day or soon after.
const REGION_LIST_DAYS_BACK = 90;
const LIST_LIMIT = 200;

export interface NewActivityDays {
  projectId: string;
  dates: Array<{ date: string; startTime: string; endTime: string }>;
  places: number;
  meetingPoint: string;
  whatToBring?: string | null;
  noteJa?: string | null;
  noteEn?: string | null;
}

export interface ActivityDayChanges {
  activityDayId: string;
  places?: number;
  meetingPoint?: string;
  whatToBring?: string | null;
  noteJa?: string | null;
  noteEn?: string | null;
}

export interface SignupView {
  id: string;
  activityDayId: string;
  engagementId: string;
  status: ActivityDaySignupStatus;
  signedUpAt: Date;
  cancelledAt: Date | null;
  attended: boolean | null;
  participantName: string;
  // The hours of the approved check-in attendance credited, if any.
  creditedHours: number | null;
}

interface SignupRow {
  id: string;
  activity_day_id: string;
  engagement_id: string;
  status: ActivityDaySignupStatus;
  signed_up_at: Date;
  cancelled_at: Date | null;
  attended: boolean | null;
  credited_hours: number | null;
  participant_name: string;
}

// A day with what showing it needs: its project's title, and the sign-ups the reader may see.
export interface ActivityDayView {
  day: ActivityDay;
  projectTitle: string;
  // Every sign-up, for the region; null for anyone else.
  signups: SignupView[] | null;
  // The engagement's own, when read for an engagement.
  mine: SignupView | null;
}

export interface ActivityDayReminderOutcome {
  reminders: number;
}

// Activity days: the region publishes dates with places on a project; people engaged on it sign
// up per date; attendance becomes approved hours on their engagement. Every change to a day's
// places happens under the day's row lock with a guarded count, as event registrations do
// (libs/events registration-rules.ts); the rule is not shared, since events also keep a waiting
// list and days do not.
@Injectable()
export class ActivityDayService {
  private readonly logger = new Logger(ActivityDayService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly engagements: EngagementService,
    private readonly events: DomainEventPublisher,
  ) {}

  async publish(actor: Actor, input: NewActivityDays): Promise<ActivityDayView[]> {
    const ids = await this.dataSource.transaction(async (m) => {
      const project = await this.regionProject(m, actor, input.projectId);
      if (!PUBLISHES_DAYS.includes(project.status)) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          `Activity days are published on a published or closed project (this one is ${project.status})`,
        );
      }
      const now = Date.now();
      const problems: FieldProblem[] = [];
      const seen = new Set<number>();
      const times = input.dates.map((d, i) => {
        const path = ['input', 'dates', String(i)];
        const startsAt = jstInstant(d.date, d.startTime);
        const endsAt = jstInstant(d.date, d.endTime);
        if (endsAt <= startsAt) {
          problems.push({ path: [...path, 'endTime'], message: 'must be after the start time' });
        } else if (dayHours(startsAt, endsAt) > MAX_DAY_HOURS) {
          problems.push({
            path: [...path, 'endTime'],
            message: `must be at most ${MAX_DAY_HOURS} hours after the start`,
          });
        }
        if (signupCutoff(startsAt).getTime() <= now) {
          problems.push({ path: [...path, 'date'], message: 'must be tomorrow or later' });
        } else if (seen.has(startsAt.getTime())) {
          problems.push({ path: [...path, 'date'], message: 'is listed twice at the same time' });
        }
        seen.add(startsAt.getTime());
        return { startsAt, endsAt };
      });
      if (problems.length === 0) {
        const taken = new Set(
          (
            await m.getRepository(ActivityDay).find({
              where: {
                projectId: project.id,
                status: ActivityDayStatus.PUBLISHED,
                startsAt: In(times.map((t) => t.startsAt)),
              },
              select: { id: true, startsAt: true },
            })
          ).map((d) => d.startsAt.getTime()),
        );
        times.forEach((t, i) => {
          if (taken.has(t.startsAt.getTime())) {
            problems.push({
              path: ['input', 'dates', String(i), 'date'],
              message: 'already has an activity day starting at this time',
            });
          }
        });
      }
      if (problems.length) throw AppError.invalidFields(problems);
      let inserted;
      try {
        inserted = await m.getRepository(ActivityDay).insert(
          times.map((t) => ({
            projectId: project.id,
            startsAt: t.startsAt,
            endsAt: t.endsAt,
            places: input.places,
            meetingPoint: input.meetingPoint,
            whatToBring: input.whatToBring || null,
            noteJa: input.noteJa || null,
            noteEn: input.noteEn || null,
            createdById: actor.userId,
          })),
        );
      } catch (error) {
        // Another publish of the same dates won the race.
        if (isUniqueViolation(error, 'activity_day_project_start_key')) {
          throw AppError.conflict(
            ConflictReason.ALREADY_EXISTS,
            'Some of these days were published meanwhile: reload and try again',
          );
        }
        throw error;
      }
      const ids = inserted.identifiers.map((i) => (i as { id: string }).id);
      await this.events.publish(
        m,
        ACTIVITY_DAYS_PUBLISHED,
        { projectId: project.id, activityDayIds: ids },
        [project.id, ids[0]],
      );
      return ids;
    });
    return this.views(ids, { region: true });
  }

  // Places, meeting point, what to bring and the note; places never below those signed up.
  async update(actor: Actor, input: ActivityDayChanges): Promise<ActivityDayView> {
    await this.dataSource.transaction(async (m) => {
      const day = await this.lockDay(m, input.activityDayId);
      await this.regionProject(m, actor, day.projectId, () =>
        AppError.notFound('Activity day', input.activityDayId),
      );
      if (day.status !== ActivityDayStatus.PUBLISHED) {
        throw AppError.conflict(ConflictReason.WRONG_STATUS, 'This activity day is cancelled');
      }
      if (input.places !== undefined && input.places < day.signedUpCount) {
        throw AppError.invalidField(
          ['input', 'places'],
          `must be at least ${day.signedUpCount}: that many people signed up`,
        );
      }
      const changes: Partial<ActivityDay> = {};
      if (input.places !== undefined) changes.places = input.places;
      if (input.meetingPoint !== undefined) changes.meetingPoint = input.meetingPoint;
      if (input.whatToBring !== undefined) changes.whatToBring = input.whatToBring || null;
      if (input.noteJa !== undefined) changes.noteJa = input.noteJa || null;
      if (input.noteEn !== undefined) changes.noteEn = input.noteEn || null;
      if (Object.keys(changes).length) {
        await m.getRepository(ActivityDay).update({ id: day.id }, changes);
      }
    });
    return (await this.views([input.activityDayId], { region: true }))[0];
  }

  // Before the day starts; those signed up hear of it.
  async cancel(actor: Actor, activityDayId: string): Promise<ActivityDayView> {
    await this.dataSource.transaction(async (m) => {
      const day = await this.lockDay(m, activityDayId);
      await this.regionProject(m, actor, day.projectId, () =>
        AppError.notFound('Activity day', activityDayId),
      );
      if (day.status !== ActivityDayStatus.PUBLISHED) {
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'This activity day is cancelled');
      }
      if (day.startsAt.getTime() <= Date.now()) {
        throw AppError.conflict(ConflictReason.WRONG_STATUS, 'This activity day has started');
      }
      await m
        .getRepository(ActivityDay)
        .update({ id: day.id }, { status: ActivityDayStatus.CANCELLED, cancelledAt: new Date() });
      await this.events.publish(m, ACTIVITY_DAY_CANCELLED, { activityDayId }, [activityDayId]);
    });
    return (await this.views([activityDayId], { region: true }))[0];
  }

  // A place for the actor's engagement on the project, until midnight starting the day.
  async signUp(actor: Actor, activityDayId: string): Promise<ActivityDayView> {
    const engagementId = await this.dataSource.transaction(async (m) => {
      const day = await this.lockDay(m, activityDayId);
      const engagement = await this.ownEngagement(m, actor, day);
      if (!SIGNS_UP_FOR_DAYS.includes(engagement.status)) {
        throw AppError.conflict(
          ConflictReason.NOT_ELIGIBLE,
          `Activity days are for accepted, approved or active engagements (yours is ${engagement.status})`,
        );
      }
      this.requireOpen(day);
      const repo = m.getRepository(ActivityDaySignup);
      const existing = await repo.findOneBy({ activityDayId, engagementId: engagement.id });
      if (existing?.status === ActivityDaySignupStatus.SIGNED_UP) {
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'You are signed up for this day');
      }
      // The guard stands behind the lock (and the table's check behind the guard).
      const [taken] = await m.query<[unknown[], number]>(
        `UPDATE activity_day SET signed_up_count = signed_up_count + 1
          WHERE id = $1 AND signed_up_count < places RETURNING id`,
        [activityDayId],
      );
      if (taken.length === 0) {
        throw AppError.conflict(ConflictReason.DAY_FULL, 'Every place on this day is taken');
      }
      const row = {
        status: ActivityDaySignupStatus.SIGNED_UP,
        signedUpAt: new Date(),
        cancelledAt: null,
        attended: null,
        attendanceRecordedAt: null,
        remindedAt: null,
      };
      if (existing) await repo.update({ id: existing.id }, row);
      else await repo.insert({ ...row, activityDayId, engagementId: engagement.id });
      return engagement.id;
    });
    return (await this.views([activityDayId], { engagementId }))[0];
  }

  // Until midnight starting the day; the place goes back to the pool.
  async cancelSignup(actor: Actor, activityDayId: string): Promise<ActivityDayView> {
    const engagementId = await this.dataSource.transaction(async (m) => {
      const day = await this.lockDay(m, activityDayId);
      const engagement = await this.ownEngagement(m, actor, day);
      const signup = await m
        .getRepository(ActivityDaySignup)
        .findOneBy({ activityDayId, engagementId: engagement.id });
      if (!signup || signup.status !== ActivityDaySignupStatus.SIGNED_UP) {
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'You are not signed up for this day');
      }
      this.requireOpen(day);
      await m
        .getRepository(ActivityDaySignup)
        .update(
          { id: signup.id },
          { status: ActivityDaySignupStatus.CANCELLED, cancelledAt: new Date() },
        );
      await m.query(`UPDATE activity_day SET signed_up_count = signed_up_count - 1 WHERE id = $1`, [
        activityDayId,
      ]);
      return engagement.id;
    });
    return (await this.views([activityDayId], { engagementId }))[0];
  }

  // The region takes attendance once the day has started. Present: the day's hours become an
  // approved check-in of the engagement, once (the sign-up keeps the check-in's id). Absent after
  // all: that check-in is removed, so the hours count no more.
  async recordAttendance(
    actor: Actor,
    activityDayId: string,
    entries: Array<{ signupId: string; attended: boolean }>,
  ): Promise<ActivityDayView> {
    await this.dataSource.transaction(async (m) => {
      const day = await this.lockDay(m, activityDayId);
      await this.regionProject(m, actor, day.projectId, () =>
        AppError.notFound('Activity day', activityDayId),
      );
      if (day.status !== ActivityDayStatus.PUBLISHED || day.startsAt.getTime() > Date.now()) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          'Attendance is taken once a published activity day has started',
        );
      }
      const signups = new Map(
        (
          await m.getRepository(ActivityDaySignup).find({
            where: { activityDayId, id: In(entries.map((e) => e.signupId)) },
            relations: { engagement: true },
          })
        ).map((s) => [s.id, s]),
      );
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      entries.forEach((entry, i) => {
        const path = ['input', 'entries', String(i), 'signupId'];
        const signup = signups.get(entry.signupId);
        if (seen.has(entry.signupId)) problems.push({ path, message: 'is listed twice' });
        else if (!signup) problems.push({ path, message: 'is not a sign-up for this day' });
        else if (signup.status !== ActivityDaySignupStatus.SIGNED_UP) {
          problems.push({ path, message: 'was cancelled' });
        }
        seen.add(entry.signupId);
      });
      if (problems.length) throw AppError.invalidFields(problems);
      const { date, time: start } = jstParts(day.startsAt);
      const end = jstParts(day.endsAt).time;
      for (const entry of entries) {
        const signup = signups.get(entry.signupId)!;
        let checkInId = signup.checkInId;
        if (entry.attended && !checkInId) {
          const inserted = await m.getRepository(EngagementCheckIn).insert({
            engagementId: signup.engagementId,
            participantId: signup.engagement!.participantId,
            summary: `活動日 ${date} ${start}–${end}`,
            hours: dayHours(day.startsAt, day.endsAt),
            approvedAt: new Date(),
            approvedById: actor.userId,
          });
          checkInId = (inserted.identifiers[0] as { id: string }).id;
        }
        if (!entry.attended && checkInId) {
          await m.getRepository(EngagementCheckIn).delete({ id: checkInId });
          checkInId = null;
        }
        await m
          .getRepository(ActivityDaySignup)
          .update(
            { id: signup.id },
            { attended: entry.attended, attendanceRecordedAt: new Date(), checkInId },
          );
      }
    });
    return (await this.views([activityDayId], { region: true }))[0];
  }

  // The project's days for its region, with every sign-up: from 90 days back, soonest first.
  async forProject(actor: Actor, projectId: string): Promise<ActivityDayView[]> {
    await this.regionProject(this.dataSource.manager, actor, projectId);
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM activity_day
        WHERE project_id = $1 AND starts_at >= now() - make_interval(days => $2)
        ORDER BY starts_at, id LIMIT $3`,
      [projectId, REGION_LIST_DAYS_BACK, LIST_LIMIT],
    );
    return this.views(
      rows.map((r) => r.id),
      { region: true },
    );
  }

  // The days an engagement's people see: the project's upcoming published days, and every day
  // the engagement signed up for. Soonest first.
  async forEngagement(actor: Actor, engagementId: string): Promise<ActivityDayView[]> {
    const { application } = await this.engagements.findFor(actor, engagementId);
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT d.id FROM activity_day d
        WHERE d.project_id = $1
          AND ((d.status = 'PUBLISHED' AND d.ends_at > now())
               OR EXISTS (SELECT 1 FROM activity_day_signup s
                           WHERE s.activity_day_id = d.id AND s.engagement_id = $2))
        ORDER BY d.starts_at, d.id LIMIT $3`,
      [application.projectId, engagementId, LIST_LIMIT],
    );
    return this.views(
      rows.map((r) => r.id),
      { engagementId },
    );
  }

  // The day before at 09:00 Japan time (or at the next sweep for a later sign-up), once: the
  // sign-up's remindedAt is set in the transaction that records the event. A cancelled day or
  // sign-up, or a day that started, is skipped.
  async sendDueReminders(): Promise<ActivityDayReminderOutcome> {
    const due = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT s.id FROM activity_day_signup s JOIN activity_day d ON d.id = s.activity_day_id
        WHERE s.status = 'SIGNED_UP' AND s.reminded_at IS NULL
          AND d.status = 'PUBLISHED' AND d.starts_at > now()
          AND (date_trunc('day', d.starts_at AT TIME ZONE 'Asia/Tokyo') - interval '15 hours')
                AT TIME ZONE 'Asia/Tokyo' <= now()
        ORDER BY d.starts_at, s.id`,
    );
    const outcome: ActivityDayReminderOutcome = { reminders: 0 };
    for (const { id } of due) {
      await this.dataSource.transaction(async (m) => {
        const [claimed] = await m.query<[unknown[], number]>(
          `UPDATE activity_day_signup s SET reminded_at = now()
             FROM activity_day d
            WHERE s.id = $1 AND s.reminded_at IS NULL AND s.status = 'SIGNED_UP'
              AND d.id = s.activity_day_id AND d.status = 'PUBLISHED' AND d.starts_at > now()
           RETURNING s.id`,
          [id],
        );
        if (claimed.length === 0) return;
        await this.events.publish(m, ACTIVITY_DAY_REMINDER, { signupId: id }, [id]);
        outcome.reminders += 1;
      });
    }
    if (outcome.reminders) this.logger.log(`${outcome.reminders} activity day reminder(s) sent`);
    return outcome;
  }

  // An engagement that stopped taking part (withdrawn, cancelled, completed; also when the
  // account is deleted) gives back its places on days not started yet, in the transaction of the
  // change. Days that took place keep their sign-ups as attendance records.
  @OnEvent(ENGAGEMENT_STATUS_CHANGED)
  async releaseEnded(
    m: EntityManager,
    event: EventOf<typeof ENGAGEMENT_STATUS_CHANGED>,
  ): Promise<void> {
    const { engagementId } = event.payload;
    const [engagement] = await m.query<Array<{ status: EngagementStatus }>>(
      `SELECT status FROM engagement WHERE id = $1`,
      [engagementId],
    );
    if (!engagement || SIGNS_UP_FOR_DAYS.includes(engagement.status)) return;
    const open = await m.query<Array<{ id: string; activity_day_id: string }>>(
      `SELECT s.id, s.activity_day_id FROM activity_day_signup s
         JOIN activity_day d ON d.id = s.activity_day_id
        WHERE s.engagement_id = $1 AND s.status = 'SIGNED_UP' AND d.starts_at > now()
        ORDER BY s.activity_day_id`,
      [engagementId],
    );
    for (const signup of open) {
      await this.lockDay(m, signup.activity_day_id);
      await m
        .getRepository(ActivityDaySignup)
        .update(
          { id: signup.id },
          { status: ActivityDaySignupStatus.CANCELLED, cancelledAt: new Date() },
        );
      await m.query(`UPDATE activity_day SET signed_up_count = signed_up_count - 1 WHERE id = $1`, [
        signup.activity_day_id,
      ]);
    }
  }

  // Days with their project's title and the sign-ups the reader may see, in three queries.
  private async views(
    ids: string[],
    reader: { region: true } | { engagementId: string },
  ): Promise<ActivityDayView[]> {
    if (ids.length === 0) return [];
    const days = await this.dataSource.getRepository(ActivityDay).find({
      where: { id: In(ids) },
      relations: { project: true },
    });
    const byId = new Map(days.map((d) => [d.id, d]));
    const engagementId = 'engagementId' in reader ? reader.engagementId : null;
    const rows = await this.dataSource.query<SignupRow[]>(
      `SELECT s.id, s.activity_day_id, s.engagement_id, s.status, s.signed_up_at, s.cancelled_at,
              s.attended, c.hours::float8 AS credited_hours, u.display_name AS participant_name
         FROM activity_day_signup s
         JOIN engagement e ON e.id = s.engagement_id
         JOIN "user" u ON u.id = e.participant_id
         LEFT JOIN engagement_check_in c ON c.id = s.check_in_id
        WHERE s.activity_day_id = ANY($1) AND ($2::uuid IS NULL OR s.engagement_id = $2)
        ORDER BY CASE s.status WHEN 'SIGNED_UP' THEN 0 ELSE 1 END, s.signed_up_at, s.id`,
      [ids, engagementId],
    );
    const bySignupDay = new Map<string, SignupView[]>();
    for (const r of rows) {
      const view: SignupView = {
        id: r.id,
        activityDayId: r.activity_day_id,
        engagementId: r.engagement_id,
        status: r.status,
        signedUpAt: r.signed_up_at,
        cancelledAt: r.cancelled_at,
        attended: r.attended,
        participantName: r.participant_name,
        creditedHours: r.credited_hours,
      };
      bySignupDay.set(r.activity_day_id, [...(bySignupDay.get(r.activity_day_id) ?? []), view]);
    }
    return ids
      .map((id) => byId.get(id))
      .filter((d): d is ActivityDay => !!d)
      .map((day) => ({
        day,
        projectTitle: day.project!.title,
        signups: 'region' in reader ? (bySignupDay.get(day.id) ?? []) : null,
        mine: 'engagementId' in reader ? (bySignupDay.get(day.id)?.[0] ?? null) : null,
      }));
  }

  private requireOpen(day: ActivityDay): void {
    if (day.status !== ActivityDayStatus.PUBLISHED) {
      throw AppError.conflict(ConflictReason.WRONG_STATUS, 'This activity day is cancelled');
    }
    if (signupCutoff(day.startsAt).getTime() <= Date.now()) {
      throw AppError.conflict(
        ConflictReason.WRONG_STATUS,
        'Sign-ups and cancellations closed at the end of the day before',
      );
    }
  }

  // The actor's own engagement on the day's project; anyone without one does not see the day.
  private async ownEngagement(
    m: EntityManager,
    actor: Actor,
    day: ActivityDay,
  ): Promise<Engagement> {
    const engagement = await m
      .getRepository(Engagement)
      .findOneBy({ projectId: day.projectId, participantId: actor.userId });
    if (!engagement) throw AppError.notFound('Activity day', day.id);
    return engagement;
  }

  private async lockDay(m: EntityManager, activityDayId: string): Promise<ActivityDay> {
    const day = await m
      .getRepository(ActivityDay)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :activityDayId', { activityDayId })
      .getOne();
    if (!day) throw AppError.notFound('Activity day', activityDayId);
    return day;
  }

  // The project, when the actor is on its region's staff.
  private async regionProject(
    m: EntityManager,
    actor: Actor,
    projectId: string,
    missing = () => AppError.notFound('Project', projectId),
  ): Promise<Project> {
    const project = await m.getRepository(Project).findOneBy({ id: projectId });
    if (!project || !this.policy.canEditProject(actor, project)) throw missing();
    return project;
  }
}
