import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_APP_DIR } from '../apps/api/src/web/web-app.module';
import { startTestPlatform, TestPlatform } from './support/test-platform';

// The API serves the web app's build: the app at `/`, index.html for deep links (the app routes
// them), the API's own paths untouched.
describe('web app served by the API', () => {
  let platform: TestPlatform;
  let baseUrl: string;

  beforeAll(async () => {
    // A build already there (npm start, test:web) is served as is: only its shape matters here.
    if (!existsSync(join(WEB_APP_DIR, 'index.html'))) {
      execFileSync('npm', ['run', 'build', '-w', 'apps/web'], { stdio: 'ignore' });
    }
    platform = await startTestPlatform();
    baseUrl = (await platform.api.getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);
  afterAll(() => platform.close());

  it('serves index.html at / and at a deep link, never cached', async () => {
    for (const path of ['/', '/projects/8f7a3c1e-0000-4000-8000-000000000000', '/engagements/x']) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('serves the hashed assets for a year and 404s a missing one', async () => {
    const script = readdirSync(join(WEB_APP_DIR, 'assets')).find((name) => name.endsWith('.js'));
    const asset = await fetch(`${baseUrl}/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const missing = await fetch(`${baseUrl}/assets/index-missing.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
  });

  it('leaves the API paths to the API', async () => {
    const graphql = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ themes { code } }' }),
    });
    expect(graphql.status).toBe(200);
    expect(((await graphql.json()) as any).data.themes.length).toBeGreaterThan(0);
    const health = await fetch(`${baseUrl}/health`);
    expect(health.headers.get('content-type')).toMatch(/json/);
    const unknownAuth = await fetch(`${baseUrl}/auth/nothing`);
    expect(unknownAuth.status).toBe(404);
    // Express matches routes in any letter case: so must the exclusion, or the queue
    // dashboard's sign-in challenge gives way to index.html.
    for (const path of ['/ADMIN/Queues/api/queues', '/Assets/index-missing.js', '/Auth/nothing']) {
      const response = await fetch(`${baseUrl}${path}`);
      expect({ path, app: (await response.text()).includes('<div id="root">') }).toEqual({
        path,
        app: false,
      });
    }
  });
});
