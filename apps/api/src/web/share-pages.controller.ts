import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { AppConfig } from '@tsunagu/core';
import { ProjectSharingService } from '@tsunagu/projects';
import type { Response } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Public } from '../auth/authorisation';
import { IndexTemplate, metaTags, robotsTxt, sitemapXml } from './share-page';
import { WEB_APP_DIR } from './web-app.module';

// The web app's main pages, for the sitemap beside the projects.
const MAIN_PATHS = ['/', '/projects'];
// As long as crawlers may cache it: anyone may ask for it, so it is not made per request.
const SITEMAP_TTL_MS = 60 * 60 * 1000;

// Shareable project pages: the app's index.html with the project's title, description and image
// in Open Graph and Twitter Card tags, written here because link previews run no script. The
// app then renders the page as for any deep link. Unknown and unpublished projects get the
// plain app, which shows its own "not found": nothing of them is written.
@Public()
@Controller()
export class SharePagesController {
  private template?: IndexTemplate;
  private themeImages?: Set<string>;
  private sitemapCache?: { xml: Promise<string>; until: number };

  constructor(
    private readonly sharing: ProjectSharingService,
    private readonly config: AppConfig,
  ) {}

  @Get('projects/:id')
  async project(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const template = await this.indexTemplate();
    if (!template) throw new NotFoundException('No web app built');
    const project = await this.sharing.shareable(id);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html');
    if (!project) {
      res.send(template.html);
      return;
    }
    const base = this.appUrl();
    const image = this.images().has(project.themeCode) ? project.themeCode : 'default';
    res.send(
      template.withHead(
        metaTags({
          title: project.title,
          description: project.description,
          url: `${base}/projects/${project.id}`,
          imageUrl: `${base}/og/${image}.png`,
          imageAlt: 'つなぐ Tsunagu — 都市と地域をつなぐ',
        }),
      ),
    );
  }

  @Get('sitemap.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  async sitemap(): Promise<string> {
    if (!this.sitemapCache || this.sitemapCache.until <= Date.now()) {
      const xml = this.sitemapXml();
      this.sitemapCache = { xml, until: Date.now() + SITEMAP_TTL_MS };
      // A failed build is not kept: the next request tries again.
      xml.catch(() => {
        if (this.sitemapCache?.xml === xml) this.sitemapCache = undefined;
      });
    }
    return this.sitemapCache.xml;
  }

  private async sitemapXml(): Promise<string> {
    const base = this.appUrl();
    const projects = await this.sharing.sitemap();
    return sitemapXml([
      ...MAIN_PATHS.map((path) => ({ url: `${base}${path}` })),
      ...projects.map((p) => ({ url: `${base}/projects/${p.id}`, lastModified: p.lastModified })),
    ]);
  }

  @Get('robots.txt')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  robots(): string {
    return robotsTxt(this.appUrl());
  }

  private appUrl(): string {
    return this.config.APP_URL.replace(/\/+$/, '');
  }

  // Read once: the build does not change under a running server (until it is there, each
  // request looks again).
  private async indexTemplate(): Promise<IndexTemplate | null> {
    if (this.template) return this.template;
    const path = join(WEB_APP_DIR, 'index.html');
    if (!existsSync(path)) return null;
    this.template = new IndexTemplate(await readFile(path, 'utf8'));
    return this.template;
  }

  // The themes with a card of their own (apps/web/public/og/<code>.png); others use default.png.
  private images(): Set<string> {
    const dir = join(WEB_APP_DIR, 'og');
    this.themeImages ??= new Set(
      existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.png'))
            .map((f) => f.slice(0, -4))
        : [],
    );
    return this.themeImages;
  }
}
