import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { SkillAlias } from './skill-alias.entity';
import { SkillCategory } from './skill-category.entity';
import { normalizeSkillName } from './skill-name';
import { Skill } from './skill.entity';

// A skill with what the API shows of it: its category and every alias.
export type LoadedSkill = Skill & { category: SkillCategory; aliases: SkillAlias[] };

export interface SkillSearch {
  categoryCode?: string;
  query?: string;
}

// Reading the taxonomy (public); changing it is SkillAdminService.
@Injectable()
export class SkillService {
  constructor(private readonly dataSource: DataSource) {}

  // Inside a transaction, pass its manager (here and below): one transaction, one connection.
  async findByIds(
    ids: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Skill[]> {
    if (ids.length === 0) return [];
    return m.getRepository(Skill).findBy({ id: In([...new Set(ids)]) });
  }

  // Rejects the first id that is not a taxonomy skill, with the field path pathOf(index).
  async assertKnown(
    ids: string[],
    pathOf: (index: number) => string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Skill>> {
    const skills = new Map((await this.findByIds(ids, m)).map((s) => [s.id, s]));
    const index = ids.findIndex((id) => !skills.has(id));
    if (index >= 0) throw AppError.invalidField(pathOf(index), `unknown skill ${ids[index]}`);
    return skills;
  }

  listCategories(): Promise<SkillCategory[]> {
    return this.dataSource
      .getRepository(SkillCategory)
      .find({ order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  // Skills of a category and/or answering to a text, at most `first`. A text ranks skills by their
  // best alias: exact, then prefix, then substring; ties (and browsing) go by category order, then
  // English name. Two queries whatever the page size: ranked ids, then the skills with relations.
  async search(filter: SkillSearch, first: number): Promise<LoadedSkill[]> {
    const qb = this.dataSource
      .getRepository(Skill)
      .createQueryBuilder('s')
      .innerJoin('s.category', 'c')
      .select('s.id', 'id')
      .groupBy('s.id')
      .addGroupBy('c.code')
      .limit(first);
    if (filter.categoryCode !== undefined) {
      await this.assertCategory(this.dataSource.manager, filter.categoryCode, ['categoryCode']);
      qb.andWhere('s.categoryCode = :categoryCode', { categoryCode: filter.categoryCode });
    }
    if (filter.query !== undefined) {
      const needle = normalizeSkillName(filter.query);
      if (needle === '')
        throw AppError.invalidField(['query'], 'must contain a letter to search for');
      // strpos/starts_with rather than LIKE: nothing in the needle needs escaping. A sequential
      // scan of a thousand-odd aliases is cheaper than maintaining a trigram index for them.
      qb.innerJoin('s.aliases', 'a')
        .andWhere('strpos(a.normalized, :needle) > 0', { needle })
        .addSelect(
          'MIN(CASE WHEN a.normalized = :needle THEN 0 WHEN starts_with(a.normalized, :needle) THEN 1 ELSE 2 END)',
          'rank',
        )
        .orderBy('rank', 'ASC');
    }
    qb.addSelect('c.sortOrder', 'category_order')
      .addSelect('lower(s.nameEn)', 'name_order')
      .addSelect('s.code', 'code')
      .addOrderBy('category_order', 'ASC')
      .addOrderBy('name_order', 'ASC')
      .addOrderBy('code', 'ASC');
    const rows = await qb.getRawMany<{ id: string }>();
    return this.load(rows.map((r) => r.id));
  }

  // The skill one of whose aliases is `name` once normalised: デザイン, Design, ＵＩデザイン…
  async resolveSkillName(name: string): Promise<LoadedSkill | null> {
    const normalized = normalizeSkillName(name);
    if (normalized === '') return null;
    const alias = await this.dataSource.getRepository(SkillAlias).findOneBy({ normalized });
    return alias ? this.get(alias.skillId) : null;
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<LoadedSkill> {
    const [skill] = await this.load([id], manager);
    if (!skill) throw AppError.notFound('Skill', id);
    return skill;
  }

  // Skills with category and aliases in one joined query, in the order of `ids`.
  async load(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LoadedSkill[]> {
    if (ids.length === 0) return [];
    const found = (await manager.getRepository(Skill).find({
      where: { id: In([...ids]) },
      relations: { category: true, aliases: true },
    })) as LoadedSkill[];
    const byId = new Map(found.map((s) => [s.id, s]));
    return ids.flatMap((id) => {
      const skill = byId.get(id);
      if (!skill) return [];
      const own = [normalizeSkillName(skill.nameJa), normalizeSkillName(skill.nameEn)];
      skill.aliases.sort((a, b) => aliasOrder(own, a) - aliasOrder(own, b) || compare(a, b));
      return [skill];
    });
  }

  async assertCategory(manager: EntityManager, code: string, path: string[]): Promise<void> {
    if (!(await manager.getRepository(SkillCategory).existsBy({ code }))) {
      throw AppError.invalidField(path, `unknown skill category ${code}`);
    }
  }
}

// The skill's own names first (Japanese, then English), then synonyms by their text.
function aliasOrder(ownNames: string[], alias: SkillAlias): number {
  const index = ownNames.indexOf(alias.normalized);
  return index === -1 ? ownNames.length : index;
}

function compare(a: SkillAlias, b: SkillAlias): number {
  return a.normalized < b.normalized ? -1 : a.normalized > b.normalized ? 1 : 0;
}
