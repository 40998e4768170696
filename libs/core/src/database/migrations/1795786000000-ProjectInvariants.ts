import { MigrationInterface, QueryRunner } from 'typeorm';

// Invariants the database keeps even if a code path forgets them: ranges and date order as CHECK
// constraints, and "a project never holds more seats than its capacity" as triggers (a count
// across rows, which a CHECK cannot express). The triggers raise check_violation with a constraint
// name, so the API maps them like any other rule (CAPACITY_BELOW_SEATS_HELD, PROJECT_FULL).
export class ProjectInvariants1795786000000 implements MigrationInterface {
  name = 'ProjectInvariants1795786000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "project" ADD CONSTRAINT "project_size_limits" CHECK (team_size <= 100 AND capacity <= 1000)`,
    );
    await queryRunner.query(
      `ALTER TABLE "project" ADD CONSTRAINT "project_season_months_range" CHECK (season_months <@ '{1,2,3,4,5,6,7,8,9,10,11,12}'::smallint[])`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "application_terms_valid" CHECK (terms IS NULL OR ((terms->>'endDate' IS NULL OR terms->>'endDate' >= terms->>'startDate') AND (terms->>'hoursPerWeek')::numeric BETWEEN 1 AND 80))`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_profile" ADD CONSTRAINT "participant_profile_weekly_hours_range" CHECK (weekly_hours IS NULL OR weekly_hours BETWEEN 1 AND 80)`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_profile" ADD CONSTRAINT "participant_profile_travel_range" CHECK (travel_range_km BETWEEN 0 AND 3000)`,
    );
    // The one definition of a seat: EngagementService and ProjectService count through these.
    await queryRunner.query(`
      CREATE FUNCTION application_holds_seat(status application_status) RETURNS boolean
      LANGUAGE sql IMMUTABLE AS $$
        SELECT status IN ('ACCEPTED', 'APPROVED', 'ACTIVE', 'COMPLETED')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION project_seats_held(project_id uuid) RETURNS integer
      LANGUAGE sql STABLE AS $$
        SELECT count(*)::int FROM application a
         WHERE a.project_id = $1 AND application_holds_seat(a.status)
      $$`);
    // A row starting to hold a seat locks its project (as acceptances do), so two such writes
    // count one after the other.
    await queryRunner.query(`
      CREATE FUNCTION application_seat_within_capacity() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        cap integer;
      BEGIN
        IF NOT application_holds_seat(NEW.status) THEN RETURN NULL; END IF;
        IF TG_OP = 'UPDATE' AND application_holds_seat(OLD.status)
           AND OLD.project_id = NEW.project_id THEN
          RETURN NULL;
        END IF;
        SELECT capacity INTO cap FROM project WHERE id = NEW.project_id FOR NO KEY UPDATE;
        IF project_seats_held(NEW.project_id) > cap THEN
          RAISE EXCEPTION 'project % is full: all % seats are held', NEW.project_id, cap
            USING ERRCODE = 'check_violation', CONSTRAINT = 'application_seat_within_capacity';
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER application_seat_within_capacity
      AFTER INSERT OR UPDATE OF status, project_id ON application
      FOR EACH ROW EXECUTE FUNCTION application_seat_within_capacity()`);
    await queryRunner.query(`
      CREATE FUNCTION project_capacity_covers_seats_held() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.capacity < OLD.capacity AND project_seats_held(NEW.id) > NEW.capacity THEN
          RAISE EXCEPTION 'project % holds % seats: capacity % is too small',
            NEW.id, project_seats_held(NEW.id), NEW.capacity
            USING ERRCODE = 'check_violation', CONSTRAINT = 'project_capacity_covers_seats_held';
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER project_capacity_covers_seats_held
      AFTER UPDATE OF capacity ON project
      FOR EACH ROW EXECUTE FUNCTION project_capacity_covers_seats_held()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER project_capacity_covers_seats_held ON project`);
    await queryRunner.query(`DROP FUNCTION project_capacity_covers_seats_held()`);
    await queryRunner.query(`DROP TRIGGER application_seat_within_capacity ON application`);
    await queryRunner.query(`DROP FUNCTION application_seat_within_capacity()`);
    await queryRunner.query(`DROP FUNCTION project_seats_held(uuid)`);
    await queryRunner.query(`DROP FUNCTION application_holds_seat(application_status)`);
    await queryRunner.query(
      `ALTER TABLE "participant_profile" DROP CONSTRAINT "participant_profile_travel_range"`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_profile" DROP CONSTRAINT "participant_profile_weekly_hours_range"`,
    );
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "application_terms_valid"`);
    await queryRunner.query(
      `ALTER TABLE "project" DROP CONSTRAINT "project_season_months_range"`,
    );
    await queryRunner.query(`ALTER TABLE "project" DROP CONSTRAINT "project_size_limits"`);
  }
}
