import { Injectable } from '@nestjs/common';
import { AppError, DomainEventPublisher } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { TIME_ZONE_CHANGED } from './account-events';
import { toMunicipalityType } from './identity-mapping';
import type { MeType } from './identity.types';
import type { MembershipRole } from './membership.entity';
import type { OrganizationKind } from './organization.entity';
import { Locale, User } from './user.entity';

// `me`, asked by every page the web app opens (the API benchmark baseline sends the same).
export const ME_USER_SQL =
  'SELECT "id", "email", "display_name", "locale", "time_zone", "email_verified_at" ' +
  'FROM "user" WHERE "id" = $1';
export const ME_MEMBERSHIPS_SQL =
  'SELECT "m"."role", "o"."id", "o"."kind", "o"."name", "o"."municipality_code" ' +
  'FROM "membership" "m" JOIN "organization" "o" ON "o"."id" = "m"."organization_id" ' +
  'WHERE "m"."user_id" = $1 ORDER BY "m"."created_at", "m"."id"';

interface MeUserRow {
  id: string;
  email: string;
  display_name: string;
  locale: Locale;
  time_zone: string;
  email_verified_at: Date | null;
}
interface MeMembershipRow {
  role: MembershipRole;
  id: string;
  kind: OrganizationKind;
  name: string;
  municipality_code: string | null;
}

@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEventPublisher,
  ) {}

  // The person and their memberships, oldest first: plain SQL and rows as they come, without
  // building queries and entities through TypeORM each time (docs/PERFORMANCE.md section 4).
  async me(id: string): Promise<MeType> {
    const [[user], memberships] = await Promise.all([
      this.dataSource.query<MeUserRow[]>(ME_USER_SQL, [id]),
      this.dataSource.query<MeMembershipRow[]>(ME_MEMBERSHIPS_SQL, [id]),
    ]);
    if (!user) throw AppError.notFound('User', id);
    return {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      locale: user.locale,
      timeZone: user.time_zone,
      emailVerified: user.email_verified_at !== null,
      memberships: memberships.map((m) => ({
        organization: {
          id: m.id,
          kind: m.kind,
          name: m.name,
          municipality: toMunicipalityType(m.municipality_code),
        },
        role: m.role,
      })),
    };
  }

  // Language and time zone, as the person chooses them (validated by MySettingsInput).
  async updateSettings(
    id: string,
    settings: { locale?: Locale | null; timeZone?: string | null },
  ): Promise<User> {
    const changes: Partial<User> = {};
    if (settings.locale) changes.locale = settings.locale;
    if (settings.timeZone) {
      // The digest sweep converts times in SQL: the database must know the zone too.
      const known: unknown[] = await this.dataSource.query(
        'SELECT 1 FROM pg_timezone_names WHERE name = $1',
        [settings.timeZone],
      );
      if (known.length === 0) {
        throw AppError.invalidField(['input', 'timeZone'], 'is not a time zone the database knows');
      }
      changes.timeZone = settings.timeZone;
    }
    if (Object.keys(changes).length > 0) {
      await this.dataSource.transaction(async (m) => {
        // The row lock orders two changes of one person's settings.
        const [before] = await m.query<Array<{ time_zone: string }>>(
          'SELECT time_zone FROM "user" WHERE id = $1 FOR NO KEY UPDATE',
          [id],
        );
        await m.getRepository(User).update({ id }, changes);
        if (before && changes.timeZone && changes.timeZone !== before.time_zone) {
          await this.events.publish(m, TIME_ZONE_CHANGED, {
            userId: id,
            timeZone: changes.timeZone,
          });
        }
      });
    }
    return this.get(id);
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw AppError.notFound('User', id);
    return user;
  }
}
