import { IndexTemplate, metaTags, sitemapXml } from './share-page';

describe('share page', () => {
  it('replaces the generic title and description of the template, once', () => {
    const template = new IndexTemplate(
      '<html><head><meta charset="UTF-8" /><meta name="description" content="generic" />\n<title>つなぐ</title></head><body></body></html>',
    );
    const html = template.withHead(
      metaTags({
        title: 'A & B',
        description: 'text',
        url: 'https://t.example/projects/1',
        imageUrl: 'https://t.example/og/work.png',
        imageAlt: 'alt',
      }),
    );
    expect(html).not.toContain('generic');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<title>A &amp; B | つなぐ Tsunagu</title>');
    expect(html).toContain('<meta property="og:title" content="A &amp; B" />');
    expect(html.indexOf('og:title')).toBeLessThan(html.indexOf('</head>'));
    expect(template.html).toContain('generic');
  });

  it('writes a sitemap with escaped addresses and lastmod where known', () => {
    const xml = sitemapXml([
      { url: 'https://t.example/?a=1&b=2' },
      { url: 'https://t.example/projects/1', lastModified: new Date('2027-04-01T00:00:00Z') },
    ]);
    expect(xml).toContain('<url><loc>https://t.example/?a=1&amp;b=2</loc></url>');
    expect(xml).toContain(
      '<url><loc>https://t.example/projects/1</loc><lastmod>2027-04-01T00:00:00.000Z</lastmod></url>',
    );
  });
});
