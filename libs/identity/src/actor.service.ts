import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import type { Actor } from './actor';
import type { MembershipRole } from './membership.entity';
import type { OrganizationKind } from './organization.entity';
import { remitCodesOf } from './remit-coverage';
import type { Locale } from './user.entity';

// The actor's statements (apps/cli's API benchmark baseline sends the same).
export const ACTOR_USER_SQL = 'SELECT "id", "locale", "deleted_at" FROM "user" WHERE "id" = $1';
export const ACTOR_MEMBERSHIPS_SQL =
  'SELECT "m"."organization_id", "m"."role", "o"."kind", "o"."municipality_code" ' +
  'FROM "membership" "m" JOIN "organization" "o" ON "o"."id" = "m"."organization_id" ' +
  'WHERE "m"."user_id" = $1';
export const ACTOR_REMITS_SQL =
  'SELECT "organization_id", "prefecture_code", "municipality_code" FROM "remit_area" ' +
  'WHERE "organization_id" = ANY($1)';

interface UserRow {
  id: string;
  locale: Locale;
  deleted_at: Date | null;
}
interface MembershipRow {
  organization_id: string;
  role: MembershipRole;
  kind: OrganizationKind;
  municipality_code: string | null;
}
interface RemitRow {
  organization_id: string;
  prefecture_code: string | null;
  municipality_code: string | null;
}

// Loads the request's actor: the user and their memberships with each organisation's remit.
@Injectable()
export class ActorService {
  constructor(private readonly dataSource: DataSource) {}

  // Every authenticated request runs this: plain SQL and rows as they come, without building
  // queries and entities through TypeORM each time (docs/PERFORMANCE.md section 4).
  async load(userId: string): Promise<Actor> {
    const [user] = await this.dataSource.query<UserRow[]>(ACTOR_USER_SQL, [userId]);
    if (!user || user.deleted_at) {
      throw AppError.unauthenticated('The account of this token no longer exists');
    }
    const memberships = await this.dataSource.query<MembershipRow[]>(ACTOR_MEMBERSHIPS_SQL, [
      userId,
    ]);
    const orgIds = memberships.map((m) => m.organization_id);
    const areas = orgIds.length
      ? await this.dataSource.query<RemitRow[]>(ACTOR_REMITS_SQL, [orgIds])
      : [];
    return {
      userId: user.id,
      locale: user.locale,
      memberships: memberships.map((m) => {
        const own = remitCodesOf(
          areas
            .filter((a) => a.organization_id === m.organization_id)
            .map((a) => ({
              prefectureCode: a.prefecture_code,
              municipalityCode: a.municipality_code,
            })),
        );
        return {
          organizationId: m.organization_id,
          organizationKind: m.kind,
          role: m.role,
          municipalityCode: m.municipality_code,
          remitPrefectureCodes: own.prefectureCodes,
          remitMunicipalityCodes: own.municipalityCodes,
        };
      }),
    };
  }
}
