import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { Locale, User } from './user.entity';

@Injectable()
export class UserService {
  constructor(private readonly dataSource: DataSource) {}

  // Language and time zone, as the person chooses them (validated by MySettingsInput).
  async updateSettings(
    id: string,
    settings: { locale?: Locale | null; timeZone?: string | null },
  ): Promise<User> {
    const changes: Partial<User> = {};
    if (settings.locale) changes.locale = settings.locale;
    if (settings.timeZone) {
      // The digest sweep converts times in SQL: the database must know the zone too.
      const known: unknown[] = await this.dataSource.query(
        'SELECT 1 FROM pg_timezone_names WHERE name = $1',
        [settings.timeZone],
      );
      if (known.length === 0) {
        throw AppError.invalidField(['input', 'timeZone'], 'is not a time zone the database knows');
      }
      changes.timeZone = settings.timeZone;
    }
    if (Object.keys(changes).length > 0) {
      await this.dataSource.getRepository(User).update({ id }, changes);
    }
    return this.get(id);
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw AppError.notFound('User', id);
    return user;
  }
}
