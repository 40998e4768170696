import { escapeHtml, excerpt } from '@tsunagu/core';

// What the server writes into pages for link previews (LINE, X and Facebook run no script), and
// the sitemap. Pure: the controller reads the rows and the template.

export const SITE_NAME = 'つなぐ Tsunagu';
// The size the PNGs under apps/web/public/og/ are rendered at (the large card's 1.91:1).
export const OG_IMAGE_SIZE = { width: 1200, height: 630 };
// Previews cut descriptions at about this many characters anyway; Japanese needs fewer.
export const DESCRIPTION_LENGTH = 120;

export interface PageMeta {
  title: string;
  description: string;
  url: string;
  imageUrl: string;
  imageAlt: string;
}

// The <head> tags of a shared page; every value escaped.
export function metaTags(meta: PageMeta): string {
  const title = `${meta.title} | ${SITE_NAME}`;
  const description = excerpt(meta.description, DESCRIPTION_LENGTH);
  const tag = (attribute: 'name' | 'property', key: string, value: string) =>
    `<meta ${attribute}="${key}" content="${escapeHtml(value)}" />`;
  return [
    `<title>${escapeHtml(title)}</title>`,
    tag('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(meta.url)}" />`,
    tag('property', 'og:type', 'article'),
    tag('property', 'og:site_name', SITE_NAME),
    tag('property', 'og:locale', 'ja_JP'),
    tag('property', 'og:title', meta.title),
    tag('property', 'og:description', description),
    tag('property', 'og:url', meta.url),
    tag('property', 'og:image', meta.imageUrl),
    tag('property', 'og:image:width', String(OG_IMAGE_SIZE.width)),
    tag('property', 'og:image:height', String(OG_IMAGE_SIZE.height)),
    tag('property', 'og:image:alt', meta.imageAlt),
    tag('name', 'twitter:card', 'summary_large_image'),
    tag('name', 'twitter:title', meta.title),
    tag('name', 'twitter:description', description),
    tag('name', 'twitter:image', meta.imageUrl),
    tag('name', 'twitter:image:alt', meta.imageAlt),
  ].join('\n    ');
}

// The built index.html, split once where a page's own tags go: its generic <title> and
// description are taken out, so a shared page carries exactly one of each.
export class IndexTemplate {
  private readonly before: string;
  private readonly after: string;

  constructor(readonly html: string) {
    const stripped = html
      .replace(/\s*<title>[\s\S]*?<\/title>/i, '')
      .replace(/\s*<meta\s+name="description"[^>]*>/i, '');
    const at = stripped.search(/<\/head>/i);
    if (at < 0) throw new Error('index.html has no </head>');
    this.before = stripped.slice(0, at);
    this.after = stripped.slice(at);
  }

  withHead(tags: string): string {
    return `${this.before}  ${tags}\n  ${this.after}`;
  }
}

export interface SitemapEntry {
  url: string;
  lastModified?: Date;
}

export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (e) =>
      `  <url><loc>${escapeHtml(e.url)}</loc>${
        e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ''
      }</url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

// Crawlers may read the public pages; the API's own paths are no pages.
export function robotsTxt(appUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /graphql',
    'Disallow: /auth/',
    'Disallow: /admin/',
    'Disallow: /health',
    '',
    `Sitemap: ${appUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
