import { MigrationInterface, QueryRunner } from 'typeorm';

// Before domain events, a new application queued "notify.application-submitted". Rows still
// waiting in the outbox become the APPLICATION_SUBMITTED event that replaced it, with the same
// key the code now writes, so the region still hears of those applications exactly once.
export class OutboxApplicationSubmittedAsEvent1795782000000 implements MigrationInterface {
  name = 'OutboxApplicationSubmittedAsEvent1795782000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE outbox_message
         SET job_name = 'notify.event',
             job_id = 'event.application-submitted.' || (payload->>'applicationId'),
             payload = jsonb_build_object('event', jsonb_build_object(
               'key', 'application-submitted.' || (payload->>'applicationId'),
               'type', 'APPLICATION_SUBMITTED',
               'payload', jsonb_build_object('applicationId', payload->>'applicationId'),
               'occurredAt', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
       WHERE job_name = 'notify.application-submitted' AND dispatched_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE outbox_message
         SET job_name = 'notify.application-submitted',
             job_id = 'application-submitted.' || (payload#>>'{event,payload,applicationId}'),
             payload = jsonb_build_object('applicationId', payload#>>'{event,payload,applicationId}')
       WHERE job_name = 'notify.event' AND payload#>>'{event,type}' = 'APPLICATION_SUBMITTED'
         AND dispatched_at IS NULL`);
  }
}
