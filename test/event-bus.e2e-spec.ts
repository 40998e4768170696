import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { defineEvent, DomainEventPublisher, EventsModule, OnEvent } from '@tsunagu/core';
import { EntityManager } from 'typeorm';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const THING_HAPPENED = defineEvent<{ thingId: string }>()('THING_HAPPENED');
const OTHER_THING = defineEvent<{ otherId: string }>()('OTHER_THING');

// Rows in a table every database has (the outbox), written with a job name no relay knows.
const insertRow = (m: EntityManager, jobId: string) =>
  m.query(`INSERT INTO outbox_message (job_name, job_id, payload) VALUES ('test.row', $1, '{}')`, [
    jobId,
  ]);

@Injectable()
class Recorder {
  readonly heard: Array<{ manager: EntityManager; key: string; type: string; payload: unknown }> =
    [];
  failWith?: Error;

  @OnEvent(THING_HAPPENED, OTHER_THING)
  async first(manager: EntityManager, event: { key: string; type: string; payload: unknown }) {
    this.heard.push({ manager, ...event });
    await insertRow(manager, `heard.${event.key}`);
  }

  @OnEvent(THING_HAPPENED)
  async second(manager: EntityManager, event: { key: string }) {
    if (this.failWith) throw this.failWith;
    await insertRow(manager, `second.${event.key}`);
  }
}

// The in-transaction bus on real PostgreSQL: subscribers run in the publisher's transaction.
describe('event bus', () => {
  let platform: TestPlatform;
  let bus: DomainEventPublisher;
  let recorder: Recorder;

  beforeAll(async () => {
    platform = await startTestPlatform();
    const module = await Test.createTestingModule({
      imports: [EventsModule],
      providers: [Recorder],
    }).compile();
    await module.init();
    bus = module.get(DomainEventPublisher);
    recorder = module.get(Recorder);
  });

  afterAll(() => platform.close());

  const rowsLike = async (pattern: string): Promise<string[]> =>
    (
      await platform.dataSource.query<Array<{ job_id: string }>>(
        `SELECT job_id FROM outbox_message WHERE job_id LIKE $1 ORDER BY id`,
        [pattern],
      )
    ).map((r) => r.job_id);

  it('hands the event to each of its subscribers inside the caller transaction', async () => {
    recorder.heard.length = 0;
    const key = await platform.dataSource.transaction(async (m) => {
      await insertRow(m, 'change.a');
      const published = await bus.publish(m, THING_HAPPENED, { thingId: 'a' }, ['a']);
      // Inside the transaction the subscribers' rows are there already.
      expect(
        (await m.query(`SELECT count(*)::int AS n FROM outbox_message WHERE job_id LIKE '%.a'`))[0]
          .n,
      ).toBe(3);
      expect(recorder.heard.map((h) => h.manager)).toEqual([m]);
      return published;
    });

    expect(key).toBe('thing-happened.a');
    expect(recorder.heard).toEqual([
      expect.objectContaining({ key, type: 'THING_HAPPENED', payload: { thingId: 'a' } }),
    ]);
    expect(await rowsLike('%.a')).toEqual(['change.a', `heard.${key}`, `second.${key}`]);
  });

  it('calls only the subscribers of the event published', async () => {
    await platform.dataSource.transaction((m) =>
      bus.publish(m, OTHER_THING, { otherId: 'b' }, ['b']),
    );

    expect(await rowsLike('%.b')).toEqual(['heard.other-thing.b']);
  });

  it('gives an event published without key parts a key of its own each time', async () => {
    const keys = await platform.dataSource.transaction(async (m) => [
      await bus.publish(m, OTHER_THING, { otherId: 'c' }),
      await bus.publish(m, OTHER_THING, { otherId: 'c' }),
    ]);

    expect(keys[0]).toMatch(/^other-thing\.[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('rolls the change back when a subscriber fails', async () => {
    recorder.failWith = new Error('subscriber failed');
    try {
      await expect(
        platform.dataSource.transaction(async (m) => {
          await insertRow(m, 'change.d');
          await bus.publish(m, THING_HAPPENED, { thingId: 'd' }, ['d']);
        }),
      ).rejects.toThrow('subscriber failed');
    } finally {
      recorder.failWith = undefined;
    }

    // Neither the change nor the first subscriber's row survived.
    expect(await rowsLike('%.d')).toEqual([]);
  });
});
