import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import type { Actor } from './actor';
import { Membership } from './membership.entity';
import { RemitArea } from './remit-area.entity';
import { remitCodesOf } from './remit-coverage';
import { User } from './user.entity';

// Loads the request's actor: the user and their memberships with each organisation's remit.
@Injectable()
export class ActorService {
  constructor(private readonly dataSource: DataSource) {}

  async load(userId: string): Promise<Actor> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user || user.deletedAt) {
      throw AppError.unauthenticated('The account of this token no longer exists');
    }
    const memberships = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.organization', 'o')
      .where('m.userId = :userId', { userId })
      .getMany();
    const orgIds = memberships.map((m) => m.organizationId);
    const areas = orgIds.length
      ? await this.dataSource
          .getRepository(RemitArea)
          .createQueryBuilder('r')
          .where('r.organizationId IN (:...orgIds)', { orgIds })
          .getMany()
      : [];
    return {
      userId: user.id,
      locale: user.locale,
      memberships: memberships.map((m) => {
        const own = remitCodesOf(areas.filter((a) => a.organizationId === m.organizationId));
        return {
          organizationId: m.organizationId,
          organizationKind: m.organization!.kind,
          role: m.role,
          municipalityCode: m.organization!.municipalityCode,
          remitPrefectureCodes: own.prefectureCodes,
          remitMunicipalityCodes: own.municipalityCodes,
        };
      }),
    };
  }
}
