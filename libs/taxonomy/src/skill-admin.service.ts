import { Injectable } from '@nestjs/common';
import { AppError, isUniqueViolation, ConflictReason } from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import { DataSource, EntityManager, In } from 'typeorm';
import { SkillAlias } from './skill-alias.entity';
import { SkillCategory } from './skill-category.entity';
import { normalizeSkillName } from './skill-name';
import { LoadedSkill, SkillService } from './skill.service';
import { Skill } from './skill.entity';

export interface CreateSkillCategoryCommand {
  code: string;
  nameJa: string;
  nameEn: string;
  sortOrder?: number;
}

export interface CreateSkillCommand {
  code: string;
  categoryCode: string;
  nameJa: string;
  nameEn: string;
  aliases: string[];
}

export interface UpdateSkillCommand {
  id: string;
  nameJa?: string;
  nameEn?: string;
  categoryCode?: string;
}

// A name the skill should answer to, with the input field it came from for error paths.
interface AliasCandidate {
  alias: string;
  normalized: string;
  path: string[];
}

// Changing the taxonomy: platform admins only. Profiles and projects reference skills by id, so
// skills are renamed and re-categorised but never deleted here; a renamed skill keeps answering
// to its old names.
@Injectable()
export class SkillAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly skills: SkillService,
  ) {}

  async createSkillCategory(
    actor: Actor,
    command: CreateSkillCategoryCommand,
  ): Promise<SkillCategory> {
    this.assertAdmin(actor);
    const nameJa = required(command.nameJa, ['input', 'nameJa']);
    const nameEn = required(command.nameEn, ['input', 'nameEn']);
    try {
      return await this.dataSource.transaction(async (m) => {
        const repo = m.getRepository(SkillCategory);
        let sortOrder = command.sortOrder;
        if (sortOrder === undefined) {
          const last = await repo.maximum('sortOrder');
          sortOrder = (last ?? 0) + 10;
        }
        // insert, not save: save would quietly overwrite an existing category with this code.
        await repo.insert({ code: command.code, nameJa, nameEn, sortOrder });
        return repo.findOneByOrFail({ code: command.code });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw AppError.conflictField(
          ConflictReason.ALREADY_EXISTS,
          ['input', 'code'],
          `skill category ${command.code} already exists`,
        );
      }
      throw error;
    }
  }

  async createSkill(actor: Actor, command: CreateSkillCommand): Promise<LoadedSkill> {
    this.assertAdmin(actor);
    const nameJa = required(command.nameJa, ['input', 'nameJa']);
    const nameEn = required(command.nameEn, ['input', 'nameEn']);
    const candidates = aliasCandidates([
      [nameJa, ['input', 'nameJa']],
      [nameEn, ['input', 'nameEn']],
      ...command.aliases.map((a, i): [string, string[]] => [a, ['input', 'aliases', String(i)]]),
    ]);
    const check = async (m: EntityManager) => {
      await this.skills.assertCategory(m, command.categoryCode, ['input', 'categoryCode']);
      if (await m.getRepository(Skill).existsBy({ code: command.code })) {
        throw AppError.conflictField(
          ConflictReason.ALREADY_EXISTS,
          ['input', 'code'],
          `skill ${command.code} already exists`,
        );
      }
      await this.assertAliasesFree(m, candidates, null);
    };
    return this.explainingRaces(check, () =>
      this.dataSource.transaction(async (m) => {
        await check(m);
        const { identifiers } = await m.getRepository(Skill).insert({
          code: command.code,
          categoryCode: command.categoryCode,
          nameJa,
          nameEn,
        });
        const id = (identifiers[0] as { id: string }).id;
        await this.insertAliases(m, id, candidates);
        return this.skills.get(id, m);
      }),
    );
  }

  // Adds synonyms; ones the skill already answers to are skipped, so retrying is harmless.
  async addSkillAliases(actor: Actor, skillId: string, aliases: string[]): Promise<LoadedSkill> {
    this.assertAdmin(actor);
    const candidates = aliasCandidates(
      aliases.map((a, i): [string, string[]] => [a, ['input', 'aliases', String(i)]]),
    );
    const check = (m: EntityManager) => this.assertAliasesFree(m, candidates, skillId);
    return this.explainingRaces(check, () =>
      this.dataSource.transaction(async (m) => {
        await this.skills.get(skillId, m);
        await this.insertAliases(m, skillId, await check(m));
        return this.skills.get(skillId, m);
      }),
    );
  }

  // A new name is added as an alias; the old one stays, so names people already typed (or
  // stored) keep resolving to the skill.
  async updateSkill(actor: Actor, command: UpdateSkillCommand): Promise<LoadedSkill> {
    this.assertAdmin(actor);
    const changes: Partial<Pick<Skill, 'nameJa' | 'nameEn' | 'categoryCode'>> = {};
    if (command.nameJa !== undefined)
      changes.nameJa = required(command.nameJa, ['input', 'nameJa']);
    if (command.nameEn !== undefined)
      changes.nameEn = required(command.nameEn, ['input', 'nameEn']);
    const names: Array<[string, string[]]> = [];
    if (changes.nameJa !== undefined) names.push([changes.nameJa, ['input', 'nameJa']]);
    if (changes.nameEn !== undefined) names.push([changes.nameEn, ['input', 'nameEn']]);
    const candidates = aliasCandidates(names);
    const check = (m: EntityManager) => this.assertAliasesFree(m, candidates, command.id);
    return this.explainingRaces(check, () =>
      this.dataSource.transaction(async (m) => {
        await this.skills.get(command.id, m);
        if (command.categoryCode !== undefined) {
          await this.skills.assertCategory(m, command.categoryCode, ['input', 'categoryCode']);
          changes.categoryCode = command.categoryCode;
        }
        const fresh = await check(m);
        if (Object.keys(changes).length > 0) {
          await m.getRepository(Skill).update({ id: command.id }, changes);
        }
        await this.insertAliases(m, command.id, fresh);
        return this.skills.get(command.id, m);
      }),
    );
  }

  private assertAdmin(actor: Actor): void {
    this.policy.assert(
      this.policy.isPlatformAdmin(actor),
      'Only platform admins manage the skill taxonomy',
    );
  }

  // Rejects the first candidate another skill answers to, naming that skill; returns those the
  // skill `skillId` (null: a new skill) does not answer to yet.
  private async assertAliasesFree(
    manager: EntityManager,
    candidates: AliasCandidate[],
    skillId: string | null,
  ): Promise<AliasCandidate[]> {
    if (candidates.length === 0) return [];
    const taken = await manager.getRepository(SkillAlias).find({
      where: { normalized: In(candidates.map((c) => c.normalized)) },
      relations: { skill: true },
    });
    const owners = new Map(taken.map((a) => [a.normalized, a]));
    for (const candidate of candidates) {
      const existing = owners.get(candidate.normalized);
      if (existing && existing.skillId !== skillId) {
        const skill = existing.skill!;
        const spelled = existing.alias === candidate.alias ? '' : ` (as "${existing.alias}")`;
        throw AppError.conflictField(
          ConflictReason.ALREADY_EXISTS,
          candidate.path,
          `"${candidate.alias}" is already a name of skill ${skill.code} (${skill.nameJa})${spelled}`,
        );
      }
    }
    return candidates.filter((c) => !owners.has(c.normalized));
  }

  private async insertAliases(
    manager: EntityManager,
    skillId: string,
    candidates: AliasCandidate[],
  ): Promise<void> {
    if (candidates.length === 0) return;
    await manager
      .getRepository(SkillAlias)
      .insert(candidates.map((c) => ({ skillId, alias: c.alias, normalized: c.normalized })));
  }

  // The checks run inside the transaction, but a concurrent change can still take a code or an
  // alias before commit; the unique constraints catch it and a re-check names what was taken.
  private async explainingRaces<T>(
    check: (m: EntityManager) => Promise<unknown>,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await check(this.dataSource.manager);
      throw AppError.conflict(
        ConflictReason.CONCURRENT_CHANGE,
        'The skill taxonomy changed meanwhile; try again',
      );
    }
  }
}

// Trimmed, and not only spaces or punctuation that normalisation removes.
function required(value: string, path: string[]): string {
  const trimmed = value.trim();
  if (normalizeSkillName(trimmed) === '') throw AppError.invalidField(path, 'must not be blank');
  return trimmed;
}

// Normalised and de-duplicated (the first spelling of each normalised form wins).
function aliasCandidates(entries: ReadonlyArray<readonly [string, string[]]>): AliasCandidate[] {
  const seen = new Set<string>();
  const candidates: AliasCandidate[] = [];
  for (const [raw, path] of entries) {
    const alias = raw.trim();
    const normalized = normalizeSkillName(alias);
    if (normalized === '') throw AppError.invalidField(path, 'must contain a letter');
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    candidates.push({ alias, normalized, path });
  }
  return candidates;
}
