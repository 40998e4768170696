import { escapeHtml, excerpt, IndexTemplate, metaTags, sitemapXml } from './share-page';

describe('share page', () => {
  it('escapes the five characters that end an attribute or a tag', () => {
    expect(escapeHtml(`"<a href='x'>&</a>"`)).toBe(
      '&quot;&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;&quot;',
    );
  });

  it('makes one line of the description, cut by characters with an ellipsis', () => {
    expect(excerpt('  棚田の\n\n援農  ')).toBe('棚田の 援農');
    expect(excerpt('あいうえお', 5)).toBe('あいうえお');
    expect(excerpt('あいうえおか', 5)).toBe('あいうえ…');
    // A surrogate pair (𩸽, ほっけ) counts as one character and is never split.
    expect(excerpt('𩸽𩸽𩸽𩸽𩸽𩸽', 4)).toBe('𩸽𩸽𩸽…');
  });

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
