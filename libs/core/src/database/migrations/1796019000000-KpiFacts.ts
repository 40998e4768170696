import { MigrationInterface, QueryRunner } from 'typeorm';

// The KPI report's dated facts, stored: one narrow row per fact (a project published, an
// application, a scout offer, an engagement's match, a check-in's hours, an engagement's end, a
// follow-up), kept exact by triggers in the transactions that write their sources, so no write
// path can miss one. The report joins each fact's project at query time (program, region, theme,
// prefecture and remit stay exact when a project changes) and computes the "as of now" figures
// (active, stale) live. What a fact is, is written once, in the view kpi_fact_source: the
// statement the report ran before (test/support/kpi-reference-sql.ts) without its filters. The
// triggers re-read it for the rows a write touched; the backfill reads it whole.
export class KpiFacts1796019000000 implements MigrationInterface {
  name = 'KpiFacts1796019000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // `source` is the id of the row the fact is about (the project, engagement, offer, check-in,
    // engagement event or follow-up): a fact per source row and metric. `kind` is the
    // participant's current kind (a change of kind rewrites that participant's facts).
    await queryRunner.query(`
      CREATE TABLE kpi_fact (
        metric text NOT NULL,
        source text NOT NULL,
        at timestamptz NOT NULL,
        value float8,
        who uuid,
        kind participant_kind,
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        engagement_id uuid REFERENCES engagement (id) ON DELETE CASCADE,
        CONSTRAINT kpi_fact_pkey PRIMARY KEY (metric, source)
      )`);
    await queryRunner.query(`CREATE INDEX kpi_fact_at_idx ON kpi_fact (at, metric)`);
    await queryRunner.query(`CREATE INDEX kpi_fact_project_idx ON kpi_fact (project_id, at)`);
    await queryRunner.query(`CREATE INDEX kpi_fact_engagement_idx ON kpi_fact (engagement_id)`);
    await queryRunner.query(`CREATE INDEX kpi_fact_who_idx ON kpi_fact (who)`);

    // Every fact the sources hold, as the report's statement defined them (values as float8, the
    // type its facts had): the one definition the triggers and the backfill read.
    await queryRunner.query(`
      CREATE VIEW kpi_fact_source AS
      SELECT 'published'::text AS metric, p.id::text AS source, p.published_at AS at,
             NULL::float8 AS value, NULL::uuid AS who, NULL::participant_kind AS kind,
             p.id AS project_id, NULL::uuid AS engagement_id
        FROM project p
       WHERE p.published_at IS NOT NULL
      UNION ALL
      SELECT 'application', e.id::text, e.created_at, NULL, e.participant_id, pp.kind,
             e.project_id, e.id
        FROM engagement e JOIN participant_profile pp ON pp.user_id = e.participant_id
      UNION ALL
      SELECT 'offer', o.id::text, o.created_at, NULL, o.participant_id, pp.kind, o.project_id, NULL
        FROM scout_offer o JOIN participant_profile pp ON pp.user_id = o.participant_id
      UNION ALL
      -- The first transition to ACCEPTED; value = days since applying.
      SELECT 'match', e.id::text, m.at, extract(epoch FROM m.at - e.created_at) / 86400,
             e.participant_id, pp.kind, e.project_id, e.id
        FROM engagement e
        JOIN participant_profile pp ON pp.user_id = e.participant_id
        JOIN (SELECT ev.engagement_id, min(ev.created_at) AS at FROM engagement_event ev
               WHERE ev.to_status = 'ACCEPTED' GROUP BY ev.engagement_id) m
          ON m.engagement_id = e.id
      UNION ALL
      SELECT 'hours', c.id::text, c.approved_at, c.hours::float8, e.participant_id, pp.kind,
             e.project_id, e.id
        FROM engagement e
        JOIN participant_profile pp ON pp.user_id = e.participant_id
        JOIN engagement_check_in c ON c.engagement_id = e.id
       WHERE c.approved_at IS NOT NULL
      UNION ALL
      -- Leaving APPROVED or ACTIVE for an end; value 1 when COMPLETED.
      SELECT 'ended', ev.id::text, ev.created_at,
             CASE WHEN ev.to_status = 'COMPLETED' THEN 1 ELSE 0 END, e.participant_id, pp.kind,
             e.project_id, e.id
        FROM engagement e
        JOIN participant_profile pp ON pp.user_id = e.participant_id
        JOIN engagement_event ev ON ev.engagement_id = e.id
       WHERE ev.from_status IN ('APPROVED', 'ACTIVE')
         AND ev.to_status IN ('COMPLETED', 'CANCELLED', 'WITHDRAWN')
      UNION ALL
      -- Every follow-up, due or not (the report keeps those due by now); value 1 when recorded
      -- with an outcome other than LOST_TOUCH.
      SELECT 'follow_up_' || fu.due_months, fu.id::text, fu.due_at,
             CASE WHEN fu.recorded_at IS NOT NULL AND EXISTS (
               SELECT 1 FROM unnest(fu.outcomes) o WHERE o <> 'LOST_TOUCH') THEN 1 ELSE 0 END,
             e.participant_id, pp.kind, e.project_id, e.id
        FROM engagement e
        JOIN participant_profile pp ON pp.user_id = e.participant_id
        JOIN follow_up fu ON fu.engagement_id = e.id`);

    // An engagement's facts of some metrics (LIKE pattern), or one of them (src), re-read from
    // the sources. One writer of an engagement's facts at a time (its row locked), and one writer
    // of a participant's facts at a time (their profile locked until commit, as the change of
    // kind locks it), so a concurrent change of kind either waits for these facts or is seen by
    // them. The profile is locked FOR NO KEY UPDATE, not FOR SHARE: two transactions that each
    // write a fact and then change the same profile would deadlock upgrading shared locks (seen
    // in the concurrent test). The engagement is locked before the profile, and the change of
    // kind locks only the profile: no cycle. Foreign keys' KEY SHARE locks do not wait on these.
    // Their statements read the whole view (its branches pruned at run time by the metric): a
    // generic plan from the first call, because a custom plan of the view per call cost 5-10 ms
    // for each of a connection's first five writes (then ~1 ms), and planned once ~15 ms.
    await queryRunner.query(`
      CREATE FUNCTION kpi_refresh_engagement(eng uuid, metrics text, src text) RETURNS void
      LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
      DECLARE
        participant uuid;
      BEGIN
        SELECT participant_id INTO participant FROM engagement WHERE id = eng FOR NO KEY UPDATE;
        IF FOUND THEN
          PERFORM 1 FROM participant_profile WHERE user_id = participant FOR NO KEY UPDATE;
        END IF;
        IF src IS NULL THEN
          DELETE FROM kpi_fact WHERE engagement_id = eng AND metric LIKE metrics;
          INSERT INTO kpi_fact SELECT * FROM kpi_fact_source s
           WHERE s.engagement_id = eng AND s.metric LIKE metrics;
        ELSE
          DELETE FROM kpi_fact WHERE engagement_id = eng AND metric LIKE metrics AND source = src;
          INSERT INTO kpi_fact SELECT * FROM kpi_fact_source s
           WHERE s.engagement_id = eng AND s.metric LIKE metrics AND s.source = src;
        END IF;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION kpi_refresh_offer(offer uuid, participant uuid) RETURNS void
      LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
      BEGIN
        PERFORM 1 FROM participant_profile WHERE user_id = participant FOR NO KEY UPDATE;
        DELETE FROM kpi_fact WHERE metric = 'offer' AND source = offer::text;
        INSERT INTO kpi_fact SELECT * FROM kpi_fact_source s
         WHERE s.metric = 'offer' AND s.who = participant AND s.source = offer::text;
      END
      $$`);

    // engagement: its application (insert); all its facts when it changes what they hang on.
    // Deleted, its facts go with it (ON DELETE CASCADE).
    await queryRunner.query(`
      CREATE FUNCTION kpi_engagement_written() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM kpi_refresh_engagement(NEW.id, CASE TG_OP WHEN 'INSERT' THEN 'application' ELSE '%' END, NULL);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_engagement_inserted AFTER INSERT ON engagement
      FOR EACH ROW EXECUTE FUNCTION kpi_engagement_written()`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_engagement_moved AFTER UPDATE OF project_id, participant_id, created_at ON engagement
      FOR EACH ROW WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id
                         OR OLD.participant_id IS DISTINCT FROM NEW.participant_id
                         OR OLD.created_at IS DISTINCT FROM NEW.created_at)
      EXECUTE FUNCTION kpi_engagement_written()`);

    // engagement_event: the match (the first ACCEPTED) and the ends it makes or unmakes.
    await queryRunner.query(`
      CREATE FUNCTION kpi_engagement_event_written() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        r record;
      BEGIN
        FOR r IN SELECT * FROM (VALUES (OLD.engagement_id, OLD.from_status::text, OLD.to_status::text, OLD.id),
                                       (NEW.engagement_id, NEW.from_status::text, NEW.to_status::text, NEW.id)) v(eng, f, t, id)
                  WHERE v.eng IS NOT NULL LOOP
          IF r.t = 'ACCEPTED' THEN
            PERFORM kpi_refresh_engagement(r.eng, 'match', NULL);
          END IF;
          IF r.f IN ('APPROVED', 'ACTIVE') AND r.t IN ('COMPLETED', 'CANCELLED', 'WITHDRAWN') THEN
            PERFORM kpi_refresh_engagement(r.eng, 'ended', NULL);
          END IF;
        END LOOP;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_engagement_event_written AFTER INSERT OR UPDATE OR DELETE ON engagement_event
      FOR EACH ROW EXECUTE FUNCTION kpi_engagement_event_written()`);

    // engagement_check_in: hours once approved (and if the hours or the approval change).
    await queryRunner.query(`
      CREATE FUNCTION kpi_check_in_written() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          PERFORM kpi_refresh_engagement(OLD.engagement_id, 'hours', OLD.id::text);
        END IF;
        IF TG_OP <> 'DELETE' THEN
          PERFORM kpi_refresh_engagement(NEW.engagement_id, 'hours', NEW.id::text);
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_check_in_inserted AFTER INSERT ON engagement_check_in
      FOR EACH ROW WHEN (NEW.approved_at IS NOT NULL) EXECUTE FUNCTION kpi_check_in_written()`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_check_in_updated AFTER UPDATE ON engagement_check_in
      FOR EACH ROW WHEN (OLD.approved_at IS DISTINCT FROM NEW.approved_at
                         OR OLD.hours IS DISTINCT FROM NEW.hours
                         OR OLD.engagement_id IS DISTINCT FROM NEW.engagement_id)
      EXECUTE FUNCTION kpi_check_in_written()`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_check_in_deleted AFTER DELETE ON engagement_check_in
      FOR EACH ROW WHEN (OLD.approved_at IS NOT NULL) EXECUTE FUNCTION kpi_check_in_written()`);

    // follow_up: due date and value (recorded, outcomes) as they are now.
    await queryRunner.query(`
      CREATE FUNCTION kpi_follow_up_written() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          PERFORM kpi_refresh_engagement(OLD.engagement_id, 'follow_up_%', OLD.id::text);
        END IF;
        IF TG_OP <> 'DELETE' THEN
          PERFORM kpi_refresh_engagement(NEW.engagement_id, 'follow_up_%', NEW.id::text);
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_follow_up_written AFTER INSERT OR DELETE OR UPDATE ON follow_up
      FOR EACH ROW EXECUTE FUNCTION kpi_follow_up_written()`);

    // scout_offer: the offer, when it is made (and if what it is about changes).
    await queryRunner.query(`
      CREATE FUNCTION kpi_scout_offer_written() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM kpi_refresh_offer(OLD.id, OLD.participant_id); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM kpi_refresh_offer(NEW.id, NEW.participant_id); END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_scout_offer_inserted AFTER INSERT OR DELETE ON scout_offer
      FOR EACH ROW EXECUTE FUNCTION kpi_scout_offer_written()`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_scout_offer_moved AFTER UPDATE OF project_id, participant_id, created_at ON scout_offer
      FOR EACH ROW WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id
                         OR OLD.participant_id IS DISTINCT FROM NEW.participant_id
                         OR OLD.created_at IS DISTINCT FROM NEW.created_at)
      EXECUTE FUNCTION kpi_scout_offer_written()`);

    // project: published when published_at is set (republishing moves it, clearing it removes
    // it). Deleted, its facts go with it (ON DELETE CASCADE).
    await queryRunner.query(`
      CREATE FUNCTION kpi_project_published() RETURNS trigger
      LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
      BEGIN
        DELETE FROM kpi_fact WHERE metric = 'published' AND source = NEW.id::text;
        INSERT INTO kpi_fact SELECT * FROM kpi_fact_source s
         WHERE s.metric = 'published' AND s.project_id = NEW.id;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_project_inserted AFTER INSERT ON project
      FOR EACH ROW WHEN (NEW.published_at IS NOT NULL) EXECUTE FUNCTION kpi_project_published()`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_project_published AFTER UPDATE OF published_at ON project
      FOR EACH ROW WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at)
      EXECUTE FUNCTION kpi_project_published()`);

    // participant_profile: the report counts a participant under their current kind.
    await queryRunner.query(`
      CREATE FUNCTION kpi_participant_kind_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE kpi_fact SET kind = NEW.kind WHERE who = NEW.user_id;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER kpi_participant_kind_changed AFTER UPDATE OF kind ON participant_profile
      FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind)
      EXECUTE FUNCTION kpi_participant_kind_changed()`);

    await queryRunner.query(`INSERT INTO kpi_fact SELECT * FROM kpi_fact_source`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER kpi_participant_kind_changed ON participant_profile`);
    await queryRunner.query(`DROP TRIGGER kpi_project_published ON project`);
    await queryRunner.query(`DROP TRIGGER kpi_project_inserted ON project`);
    await queryRunner.query(`DROP TRIGGER kpi_scout_offer_moved ON scout_offer`);
    await queryRunner.query(`DROP TRIGGER kpi_scout_offer_inserted ON scout_offer`);
    await queryRunner.query(`DROP TRIGGER kpi_follow_up_written ON follow_up`);
    await queryRunner.query(`DROP TRIGGER kpi_check_in_deleted ON engagement_check_in`);
    await queryRunner.query(`DROP TRIGGER kpi_check_in_updated ON engagement_check_in`);
    await queryRunner.query(`DROP TRIGGER kpi_check_in_inserted ON engagement_check_in`);
    await queryRunner.query(`DROP TRIGGER kpi_engagement_event_written ON engagement_event`);
    await queryRunner.query(`DROP TRIGGER kpi_engagement_moved ON engagement`);
    await queryRunner.query(`DROP TRIGGER kpi_engagement_inserted ON engagement`);
    for (const fn of [
      'kpi_participant_kind_changed',
      'kpi_project_published',
      'kpi_scout_offer_written',
      'kpi_follow_up_written',
      'kpi_check_in_written',
      'kpi_engagement_event_written',
      'kpi_engagement_written',
    ]) {
      await queryRunner.query(`DROP FUNCTION ${fn}()`);
    }
    await queryRunner.query(`DROP FUNCTION kpi_refresh_offer(uuid, uuid)`);
    await queryRunner.query(`DROP FUNCTION kpi_refresh_engagement(uuid, text, text)`);
    await queryRunner.query(`DROP VIEW kpi_fact_source`);
    await queryRunner.query(`DROP TABLE kpi_fact`);
  }
}
