import { JapanGeography } from '@tsunagu/core';
import type { Locale } from '@tsunagu/identity';
import { randomBytes } from 'node:crypto';
import type { SqlRunner } from '../synthetic/bulk-writer';

// The benchmark's people and projects, written with a few plain INSERTs: going through the
// services would hash a password and queue a re-score per person, which is not what is measured.
// Every address counts as verified: applying needs one.

// 小千谷市 (Niigata): any municipality would do; the intermediary's remit names it.
const MUNICIPALITY_CODE = '152081';
// Addresses no mail system would ever accept, on the sink or elsewhere.
const EMAIL_DOMAIN = 'bench.tsunagu.invalid';

export interface BenchStaff {
  id: string;
  email: string;
  locale: Locale;
}

export interface BenchRegion {
  regionId: string;
  municipalityCode: string;
  prefectureCode: string;
  staff: BenchStaff[];
  // The intermediary staff member who "published" the projects.
  publisherId: string;
}

export interface BenchParticipant {
  id: string;
  displayName: string;
}

interface NewUser {
  email: string;
  displayName: string;
  locale: Locale;
}

async function insertUsers(
  db: SqlRunner,
  users: readonly NewUser[],
  passwordHash: string,
): Promise<string[]> {
  const rows = (await db.query(
    `INSERT INTO "user" (email, password_hash, display_name, locale, email_verified_at)
     SELECT email, $4, display_name, locale, now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(email, display_name, locale)
     RETURNING id, email`,
    [
      users.map((u) => u.email),
      users.map((u) => u.displayName),
      users.map((u) => u.locale),
      passwordHash,
    ],
  )) as Array<{ id: string; email: string }>;
  // Matched by e-mail: RETURNING promises no order.
  const ids = new Map(rows.map((r) => [r.email, r.id]));
  return users.map((u) => ids.get(u.email)!);
}

const tag = () => randomBytes(4).toString('hex');

// One region with `staffCount` staff (every other one reading English, so both templates are
// rendered) and an intermediary whose remit covers it, as a published project needs.
export async function createRegion(
  db: SqlRunner,
  staffCount: number,
  passwordHash: string,
): Promise<BenchRegion> {
  const place = JapanGeography.get().municipality(MUNICIPALITY_CODE)!;
  const run = tag();
  const staffUsers: NewUser[] = Array.from({ length: staffCount }, (_, i) => ({
    email: `staff${i + 1}-${run}@${EMAIL_DOMAIN}`,
    displayName: `職員 ${i + 1}`,
    locale: i % 2 === 0 ? 'ja' : 'en',
  }));
  const staffIds = await insertUsers(db, staffUsers, passwordHash);
  const [hubId] = await insertUsers(
    db,
    [{ email: `hub-${run}@${EMAIL_DOMAIN}`, displayName: '中間支援 担当', locale: 'ja' }],
    passwordHash,
  );
  const [region] = (await db.query(
    `INSERT INTO organization (kind, name, municipality_code, prefecture_code)
     VALUES ('REGION', $1, $2, $3) RETURNING id`,
    [`${place.nameJa} (benchmark ${run})`, place.code, place.prefectureCode],
  )) as Array<{ id: string }>;
  const [hub] = (await db.query(
    `INSERT INTO organization (kind, name) VALUES ('INTERMEDIARY', $1) RETURNING id`,
    [`中間支援 (benchmark ${run})`],
  )) as Array<{ id: string }>;
  await db.query(
    `INSERT INTO membership (user_id, organization_id, role)
     SELECT user_id, $2, 'STAFF' FROM unnest($1::uuid[]) AS t(user_id)`,
    [staffIds, region.id],
  );
  await db.query(
    `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'STAFF')`,
    [hubId, hub.id],
  );
  await db.query(`INSERT INTO remit_area (organization_id, municipality_code) VALUES ($1, $2)`, [
    hub.id,
    place.code,
  ]);
  return {
    regionId: region.id,
    municipalityCode: place.code,
    prefectureCode: place.prefectureCode,
    staff: staffUsers.map((u, i) => ({ id: staffIds[i], email: u.email, locale: u.locale })),
    publisherId: hubId,
  };
}

// A published project at the largest capacity a project may have (project_size_limits: 1000);
// applying does not count against it, only accepting does.
export async function createProject(
  db: SqlRunner,
  region: BenchRegion,
  title: string,
): Promise<string> {
  const [row] = (await db.query(
    `INSERT INTO project (region_organization_id, title, description, theme_code,
                         municipality_code, prefecture_code, mode, start_date, capacity,
                         status, published_at, published_by_id, created_by_id)
     VALUES ($1, $2, '棚田の草刈りと収穫を手伝ってください。', 'work', $3, $4, 'HYBRID',
             '2027-04-01', 1000, 'PUBLISHED', now(), $5, $6)
     RETURNING id`,
    [
      region.regionId,
      title,
      region.municipalityCode,
      region.prefectureCode,
      region.publisherId,
      region.staff[0].id,
    ],
  )) as Array<{ id: string }>;
  return row.id;
}

// Participants with a minimal profile (applying needs one), all sharing one password hash.
export async function createParticipants(
  db: SqlRunner,
  count: number,
  passwordHash: string,
): Promise<BenchParticipant[]> {
  const run = tag();
  const users: NewUser[] = Array.from({ length: count }, (_, i) => ({
    email: `p${i + 1}-${run}@${EMAIL_DOMAIN}`,
    displayName: `参加者 ${run}-${i + 1}`,
    locale: 'ja',
  }));
  const ids = await insertUsers(db, users, passwordHash);
  await db.query(
    `INSERT INTO participant_profile (user_id, kind, home_municipality_code, bio)
     SELECT user_id, 'PRO_BONO', '131130', '東京から週末に通えます。'
       FROM unnest($1::uuid[]) AS t(user_id)`,
    [ids],
  );
  return users.map((u, i) => ({ id: ids[i], displayName: u.displayName }));
}
