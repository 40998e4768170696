import { Injectable } from '@nestjs/common';
import { PersonalDataOf } from '@tsunagu/core';
import { EntityManager } from 'typeorm';

// Identity's part of "download my data": the account, its settings and memberships.
@Injectable()
export class AccountPersonalData {
  @PersonalDataOf('account')
  async account(m: EntityManager, userId: string): Promise<unknown> {
    const [account] = await m.query<unknown[]>(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.locale, u.time_zone AS "timeZone",
              u.email_verified_at AS "emailVerifiedAt", u.created_at AS "createdAt",
              COALESCE((SELECT json_agg(json_build_object(
                  'organization', o.name, 'kind', o.kind, 'role', ms.role) ORDER BY o.name)
                FROM membership ms JOIN organization o ON o.id = ms.organization_id
                WHERE ms.user_id = u.id), '[]') AS memberships
         FROM "user" u WHERE u.id = $1`,
      [userId],
    );
    return account ?? null;
  }
}
