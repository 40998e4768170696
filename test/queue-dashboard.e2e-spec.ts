import { QUEUE_NAMES, QueueService } from '@tsunagu/core';
import { RefreshToken } from '@tsunagu/identity';
import request from 'supertest';
import { IsNull } from 'typeorm';
import { MAX_FAILED_SIGN_INS } from '../apps/api/src/operators/queue-dashboard-attempt-limiter';
import { DASHBOARD_CHALLENGE } from '../apps/api/src/operators/queue-dashboard-guard';
import { Fixtures, PASSWORD, Person } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

function basic(email: string, password: string): string {
  return `Basic ${Buffer.from(`${email}:${password}`, 'utf8').toString('base64')}`;
}

describe('Operators: the queue dashboard at /admin/queues', () => {
  let platform: TestPlatform;
  let fixtures: Fixtures;
  let admin: Person;
  let participant: Person;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    // Refusals are logged as warnings; keep them out of the test output.
    platform = await startTestPlatform({ env: { LOG_LEVEL: 'fatal' } });
    fixtures = new Fixtures(platform);
    admin = await fixtures.admin();
    participant = await fixtures.signUp('participant');
    http = request(platform.api.getHttpServer());
  });
  afterAll(() => platform.close());

  it('asks a browser to sign in, for the page, its assets and its API alike', async () => {
    for (const path of [
      '/admin/queues',
      '/admin/queues/',
      '/admin/queues/queue/scoring',
      '/admin/queues/static/images/logo.svg',
      '/admin/queues/api/queues',
      '/ADMIN/Queues/api/queues',
    ]) {
      const response = await http.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
      expect(response.headers['www-authenticate']).toBe(DASHBOARD_CHALLENGE);
    }
    const write = await http.put('/admin/queues/api/queues/scoring/pause');
    expect(write.status).toBe(401);
  });

  it('refuses a wrong password, a forged token and a malformed header with 401', async () => {
    const wrongPassword = await http
      .get('/admin/queues')
      .set('authorization', basic(admin.email, 'not-the-password'));
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.headers['www-authenticate']).toBe(DASHBOARD_CHALLENGE);

    const forged = await http.get('/admin/queues').set('authorization', 'Bearer not.a.token');
    expect(forged.status).toBe(401);

    const malformed = await http.get('/admin/queues').set('authorization', 'Token abc');
    expect(malformed.status).toBe(401);
  });

  it('answers 403 to a signed-in user who is not a platform admin', async () => {
    const byToken = await http
      .get('/admin/queues/api/queues')
      .set('authorization', `Bearer ${participant.token}`);
    expect(byToken.status).toBe(403);
    expect(byToken.headers['www-authenticate']).toBeUndefined();

    const byPassword = await http
      .get('/admin/queues')
      .set('authorization', basic(participant.email, PASSWORD));
    expect(byPassword.status).toBe(403);
  });

  it('serves the page and its assets to a platform admin by password or by token', async () => {
    const byPassword = await http
      .get('/admin/queues')
      .set('authorization', basic(admin.email, PASSWORD));
    expect(byPassword.status).toBe(200);
    expect(byPassword.headers['content-type']).toMatch(/^text\/html/);
    // Relative asset and API URLs resolve under the mount path.
    expect(byPassword.text).toContain('<base href="/admin/queues/"');
    expect(byPassword.text).toContain('<title>Tsunagu queues</title>');
    const csp = byPassword.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");

    const byToken = await http
      .get('/admin/queues/queue/notifications')
      .set('authorization', `Bearer ${admin.token}`);
    expect(byToken.status).toBe(200);
    expect(byToken.headers['content-type']).toMatch(/^text\/html/);

    // Every script the page loads is served under the guarded path.
    const scripts = [...byPassword.text.matchAll(/<script defer src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const asset = await http
        .get(`/admin/queues/${src}`)
        .set('authorization', basic(admin.email, PASSWORD));
      expect({ src, status: asset.status }).toEqual({ src, status: 200 });
      expect(asset.headers['content-type']).toMatch(/javascript/);
    }

    // Password checks leave no session behind: only the one the fixture signed in with is live.
    const liveSessions = await platform.dataSource
      .getRepository(RefreshToken)
      .countBy({ userId: admin.id, revokedAt: IsNull() });
    expect(liveSessions).toBe(1);
  });

  it("lists every queue of the registry with this deployment's jobs", async () => {
    await platform.api
      .get(QueueService)
      .queue('cohorts')
      .add(
        'cohort.allocate',
        { allocationId: 'dashboard-test' },
        {
          jobId: 'dashboard-test-job',
          delay: 60 * 60_000,
        },
      );

    const response = await http
      .get('/admin/queues/api/queues')
      .query({ activeQueue: 'cohorts', status: 'delayed', page: 1, jobsPerPage: 10 })
      .set('authorization', `Bearer ${admin.token}`);
    expect(response.status).toBe(200);
    const queues = response.body.queues as Array<{
      name: string;
      counts: Record<string, number>;
      jobs: Array<{ id: string; name: string; data: unknown }>;
    }>;
    expect(queues.map((q) => q.name).sort()).toEqual([...QUEUE_NAMES].sort());
    const cohorts = queues.find((q) => q.name === 'cohorts')!;
    expect(cohorts.counts.delayed).toBe(1);
    expect(cohorts.jobs).toEqual([
      expect.objectContaining({
        id: 'dashboard-test-job',
        name: 'cohort.allocate',
        data: { allocationId: 'dashboard-test' },
      }),
    ]);
    expect(queues.find((q) => q.name === 'scoring')!.counts.delayed).toBe(0);
  });

  it('refuses writes a browser marks as started by another site', async () => {
    const response = await http
      .put('/admin/queues/api/queues/cohorts/pause')
      .set('authorization', `Bearer ${admin.token}`)
      .set('sec-fetch-site', 'cross-site');
    expect(response.status).toBe(403);
    const paused = await platform.api.get(QueueService).queue('cohorts').isPaused();
    expect(paused).toBe(false);
  });

  // Last: it locks this test file's address out of password sign-ins.
  it('answers 429 after repeated wrong passwords from one address', async () => {
    const signIn = () =>
      http.get('/admin/queues').set('authorization', basic(admin.email, PASSWORD));
    expect((await signIn()).status).toBe(200);

    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS + 1; i++) {
      const response = await http
        .get('/admin/queues/api/queues')
        .set('authorization', basic(admin.email, `guess-${i}`));
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        break;
      }
    }
    // One wrong password above already counted against this address.
    expect(statuses).toEqual([...Array(MAX_FAILED_SIGN_INS - 1).fill(401), 429]);

    // Locked out means the password is not even checked, so a correct one proves nothing...
    const otherAdmin = await fixtures.admin();
    const correct = await http
      .get('/admin/queues')
      .set('authorization', basic(otherAdmin.email, PASSWORD));
    expect(correct.status).toBe(429);

    // ...while an admin whose password was accepted earlier, or who sends a token, carries on.
    expect((await signIn()).status).toBe(200);
    const byToken = await http
      .get('/admin/queues')
      .set('authorization', `Bearer ${otherAdmin.token}`);
    expect(byToken.status).toBe(200);
  });
});

describe('Operators: the queue dashboard behind a proxy (TRUST_PROXY)', () => {
  let platform: TestPlatform;
  let admin: Person;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    platform = await startTestPlatform({ env: { LOG_LEVEL: 'fatal', TRUST_PROXY: '1' } });
    admin = await new Fixtures(platform).admin();
    http = request(platform.api.getHttpServer());
  });
  afterAll(() => platform.close());

  it('counts wrong passwords per client address, not per proxy', async () => {
    const attempt = (client: string, password: string) =>
      http
        .get('/admin/queues/api/queues')
        .set('x-forwarded-for', client)
        .set('authorization', basic(admin.email, password));
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await attempt('203.0.113.7', `guess-${i}`);
    expect((await attempt('203.0.113.7', PASSWORD)).status).toBe(429);
    // Another client behind the same proxy is not locked out.
    expect((await attempt('198.51.100.20', PASSWORD)).status).toBe(200);
  });
});
