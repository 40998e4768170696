import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { Theme } from './theme.entity';

@Injectable()
export class ThemeService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<Theme[]> {
    return this.dataSource.getRepository(Theme).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  // Inside a transaction, pass its manager (here and below): one transaction, one connection.
  findByCodes(
    codes: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Theme[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return m.getRepository(Theme).findBy({ code: In([...new Set(codes)]) });
  }

  // Rejects the first unknown code, with the field path `pathOf(index)` gives for it.
  async assertKnown(
    codes: string[],
    pathOf: (index: number) => string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const found = await this.findByCodes(codes, m);
    const known = new Set(found.map((t) => t.code));
    const index = codes.findIndex((c) => !known.has(c));
    if (index >= 0) throw AppError.invalidField(pathOf(index), `unknown theme ${codes[index]}`);
  }
}
