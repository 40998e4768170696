import { ScoringService } from '@tsunagu/scoring';
import { Client } from 'pg';
import { expectData, Fixtures } from './support/fixtures';
import { drained, eventually, startTestPlatform, TestPlatform } from './support/test-platform';

// A profile save and the worker re-scoring that participant, interleaved the way a loaded
// machine interleaves them. The save locks the profile row, then bumps the participant's
// scoring_subject row; the re-score locks that scoring_subject row, then stores the
// participant's first list, whose foreign key takes a key-share lock on the profile row. With
// the profile locked FOR UPDATE the two waited on each other (40P01); FOR NO KEY UPDATE lets the
// key-share lock through.

jest.setTimeout(60_000);

const SAVE = `mutation($input: ParticipantProfileInput!) {
  saveMyParticipantProfile(input: $input) { userId } }`;

describe('a profile save racing the re-score of the same participant', () => {
  let platform: TestPlatform;
  let f: Fixtures;

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
  });

  afterAll(async () => {
    await platform?.close();
  });

  // Backends of this test's database waiting on a lock while running a statement like `pattern`.
  async function waitingOn(pattern: string): Promise<boolean> {
    const [{ n }] = await platform.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
      [pattern],
    );
    return n > 0;
  }

  it('lets both finish when the save holds the profile while the re-score stores a first list', async () => {
    const admin = await f.admin();
    const s = await f.supervisedRegion({ admin, participants: ['p-race'] });
    const [participant] = s.participants;
    const skillId = await f.skill('Writing');
    const listed = async () =>
      (
        await platform.dataSource.query<Array<{ n: number }>>(
          `SELECT cardinality(project_ids) AS n FROM participant_recommendation_list
           WHERE participant_id = $1`,
          [participant.id],
        )
      )[0]?.n > 0;
    // The published project is recommended to them: a re-score writes a list row.
    await eventually(listed);
    await drained(platform);
    // Their first list again: only inserting the row checks the foreign key.
    await platform.dataSource.query(
      `DELETE FROM participant_recommendation_list WHERE participant_id = $1`,
      [participant.id],
    );

    // Holds the save after it has locked the profile row, before it bumps the revision: its
    // skill row's foreign key waits for this lock on the skill.
    const gate = new Client({ connectionString: platform.databaseUrl });
    await gate.connect();
    try {
      await gate.query('BEGIN');
      await gate.query('SELECT 1 FROM skill WHERE id = $1 FOR UPDATE', [skillId]);
      const saving = platform.gql(
        SAVE,
        {
          input: {
            kind: 'PRO_BONO',
            homeMunicipalityCode: '131130',
            skills: [{ skillId, level: 3 }],
          },
        },
        participant.token,
      );
      await eventually(() => waitingOn('INSERT INTO "participant_skill"%'));

      let scored = false;
      const scoring = platform
        .worker!.get(ScoringService)
        .scoreParticipant(participant.id)
        .then(
          () => {
            scored = true;
            return null;
          },
          (error: { message: string; driverError?: { detail?: string } }) => {
            scored = true;
            return `${error.message}: ${error.driverError?.detail ?? ''}`;
          },
        );
      // The re-score either stored the list or waits on the profile row to do so.
      await eventually(
        async () => scored || waitingOn('%INSERT INTO participant_recommendation_list%'),
      );
      await gate.query('COMMIT');

      const [saved, scoreFailure] = await Promise.all([saving, scoring]);
      expect(saved.errors ?? []).toEqual([]);
      expect(scoreFailure).toBeNull();
    } finally {
      await gate.end();
    }
    expectData(await platform.gql(`{ myParticipantProfile { userId } }`, {}, participant.token));
    // The save's own re-score (queued by it) leaves a list.
    await eventually(listed);
  });
});
