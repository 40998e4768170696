import { Injectable } from '@nestjs/common';
import { AppError, JapanGeography } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { ParticipantProfile } from './participant-profile.entity';
import type { ParticipantProfileInput } from './participant.types';

@Injectable()
export class ParticipantProfileService {
  constructor(private readonly dataSource: DataSource) {}

  find(userId: string): Promise<ParticipantProfile | null> {
    return this.dataSource.getRepository(ParticipantProfile).findOneBy({ userId });
  }

  async upsert(userId: string, input: ParticipantProfileInput): Promise<ParticipantProfile> {
    if (
      input.homeMunicipalityCode &&
      !JapanGeography.get().municipality(input.homeMunicipalityCode)
    ) {
      throw AppError.invalidField(
        ['input', 'homeMunicipalityCode'],
        `unknown municipality code ${input.homeMunicipalityCode}`,
      );
    }
    await this.dataSource.getRepository(ParticipantProfile).upsert(
      {
        userId,
        kind: input.kind,
        homeMunicipalityCode: input.homeMunicipalityCode ?? null,
        bio: input.bio?.trim() ?? '',
      },
      ['userId'],
    );
    return this.dataSource.getRepository(ParticipantProfile).findOneByOrFail({ userId });
  }
}
