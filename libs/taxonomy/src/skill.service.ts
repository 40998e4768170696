import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { DataSource, In } from 'typeorm';
import { Skill } from './skill.entity';

@Injectable()
export class SkillService {
  constructor(private readonly dataSource: DataSource) {}

  async findByIds(ids: readonly string[]): Promise<Skill[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(Skill).findBy({ id: In([...new Set(ids)]) });
  }

  // Rejects the first id that is not a taxonomy skill, with the field path pathOf(index).
  async assertKnown(ids: string[], pathOf: (index: number) => string[]): Promise<Map<string, Skill>> {
    const skills = new Map((await this.findByIds(ids)).map((s) => [s.id, s]));
    const index = ids.findIndex((id) => !skills.has(id));
    if (index >= 0) throw AppError.invalidField(pathOf(index), `unknown skill ${ids[index]}`);
    return skills;
  }
}
