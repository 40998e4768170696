import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_APP_DIR } from '../apps/api/src/web/web-app.module';
import { ProjectSharingService } from '@tsunagu/projects';
import { expectData, Fixtures } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const APP_URL = 'https://tsunagu.example';

// The tags of one kind in a page's <head>: name/property → content.
function metaOf(html: string): Map<string, string> {
  const head = html.slice(0, html.indexOf('</head>'));
  const tags = [...head.matchAll(/<meta (name|property)="([^"]+)" content="([^"]*)" \/>/g)];
  return new Map(tags.map((m) => [m[2], m[3]]));
}

// Shareable project pages as a link preview (LINE, X, Facebook: no script) sees them, the
// sitemap and robots.txt, through HTTP.
describe('shareable project pages', () => {
  let platform: TestPlatform;
  let baseUrl: string;
  let f: Fixtures;

  beforeAll(async () => {
    if (!existsSync(join(WEB_APP_DIR, 'index.html'))) {
      execFileSync('npm', ['run', 'build', '-w', 'apps/web'], { stdio: 'ignore' });
    }
    platform = await startTestPlatform({ env: { APP_URL } });
    baseUrl = (await platform.api.getUrl()).replace('[::1]', '127.0.0.1');
    f = new Fixtures(platform);
  }, 120_000);
  afterAll(() => platform?.close());

  it('writes the title, trimmed description, canonical URL and image, escaped', async () => {
    const title = `棚田 "<script>alert(1)</script>" & 'more'`;
    const description = `${'段々の田んぼで稲刈りを手伝います。'.repeat(12)}\n<b>終わり</b>`;
    const s = await f.supervisedRegion({
      municipalityCode: '152081',
      project: { title, description, themeCode: 'agriculture' },
    });
    const response = await fetch(`${baseUrl}/projects/${s.projectId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const html = await response.text();
    // Still the app, which renders the page for people.
    expect(html).toContain('<div id="root">');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<b>終わり</b>');

    const url = `${APP_URL}/projects/${s.projectId}`;
    const escapedTitle =
      '棚田 &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; &#39;more&#39;';
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain(`<title>${escapedTitle} | つなぐ Tsunagu</title>`);
    expect(html).toContain(`<link rel="canonical" href="${url}" />`);
    const meta = metaOf(html);
    expect(meta.get('og:title')).toBe(escapedTitle);
    expect(meta.get('twitter:title')).toBe(escapedTitle);
    expect(meta.get('og:url')).toBe(url);
    expect(meta.get('og:image')).toBe(`${APP_URL}/og/agriculture.png`);
    expect(meta.get('twitter:image')).toBe(`${APP_URL}/og/agriculture.png`);
    expect(meta.get('twitter:card')).toBe('summary_large_image');
    const shown = meta.get('og:description')!;
    expect(Array.from(shown)).toHaveLength(120);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.startsWith('段々の田んぼで稲刈りを手伝います。段々')).toBe(true);
    expect(meta.get('description')).toBe(shown);
    expect(meta.get('twitter:description')).toBe(shown);

    // The image it names is there, a PNG.
    const image = await fetch(`${baseUrl}/og/agriculture.png`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  it('serves the plain app for unknown, malformed and unpublished projects, leaking nothing', async () => {
    const s = await f.supervisedRegion({ municipalityCode: '152099', project: false });
    const draft = await f.project(s.regionStaff, s.regionId, { title: '非公開の下書き企画' });
    const plain = await (await fetch(`${baseUrl}/`)).text();
    for (const id of [draft, '8f7a3c1e-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await fetch(`${baseUrl}/projects/${id}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toBe(plain);
      expect(html).not.toContain('非公開の下書き企画');
      expect(metaOf(html).has('og:title')).toBe(false);
    }
  });

  it('lists the published projects and the main pages in the sitemap, named by robots.txt', async () => {
    const s = await f.supervisedRegion({ municipalityCode: '152102' });
    const draft = await f.project(s.regionStaff, s.regionId);
    const response = await fetch(`${baseUrl}/sitemap.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await response.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain(`<url><loc>${APP_URL}/</loc></url>`);
    expect(xml).toContain(`<url><loc>${APP_URL}/projects</loc></url>`);
    const entry = new RegExp(
      `<url><loc>${APP_URL}/projects/${s.projectId}</loc><lastmod>([^<]+)</lastmod></url>`,
    ).exec(xml);
    expect(entry).not.toBeNull();
    const updated = expectData(
      await platform.gql(`query($id: ID!) { project(id: $id) { publishedAt } }`, {
        id: s.projectId,
      }),
    ).project.publishedAt;
    expect(new Date(entry![1]).getTime()).toBeGreaterThanOrEqual(new Date(updated).getTime());
    expect(xml).not.toContain(draft);

    const robots = await fetch(`${baseUrl}/robots.txt`);
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await robots.text();
    expect(text).toContain(`Sitemap: ${APP_URL}/sitemap.xml`);
    expect(text).toContain('Disallow: /graphql');
  });

  it('makes the sitemap once an hour, not per request', async () => {
    const sharing = platform.api.get(ProjectSharingService);
    const built = jest.spyOn(sharing, 'sitemap');
    try {
      const first = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
      const s = await f.supervisedRegion({ municipalityCode: '152226' });
      const again = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
      expect(again).toBe(first);
      expect(again).not.toContain(s.projectId);
      // Made at most once (the test before may have made it already).
      expect(built.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      built.mockRestore();
    }
  });
});
