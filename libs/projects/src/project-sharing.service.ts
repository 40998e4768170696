import { Injectable } from '@nestjs/common';
import { isUuid } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { ProjectStatus } from './project-status';

// What a link preview shows of a project.
export interface ShareableProject {
  id: string;
  title: string;
  description: string;
  themeCode: string;
}

export interface SitemapProject {
  id: string;
  lastModified: Date;
}

// A sitemap file holds at most 50,000 addresses (sitemaps.org); beyond that it needs an index.
export const SITEMAP_PROJECT_LIMIT = 49_000;

// Published projects as the public web sees them: link previews and the sitemap. Only
// PUBLISHED ones: a draft or a closed project is nobody's to preview.
@Injectable()
export class ProjectSharingService {
  constructor(private readonly dataSource: DataSource) {}

  // One small query; anything but a published project's id is null.
  async shareable(id: string): Promise<ShareableProject | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.dataSource.query<
      Array<{ id: string; title: string; description: string; theme_code: string }>
    >(`SELECT id, title, description, theme_code FROM project WHERE id = $1 AND status = $2`, [
      id,
      ProjectStatus.PUBLISHED,
    ]);
    return row
      ? { id: row.id, title: row.title, description: row.description, themeCode: row.theme_code }
      : null;
  }

  // Newest first, through the published listing index.
  async sitemap(): Promise<SitemapProject[]> {
    const rows = await this.dataSource.query<Array<{ id: string; last_modified: Date }>>(
      `SELECT id, greatest(updated_at, published_at) AS last_modified FROM project
        WHERE status = $1 ORDER BY published_at DESC, id DESC LIMIT $2`,
      [ProjectStatus.PUBLISHED, SITEMAP_PROJECT_LIMIT],
    );
    return rows.map((r) => ({ id: r.id, lastModified: new Date(r.last_modified) }));
  }
}
