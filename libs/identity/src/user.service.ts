import { Injectable } from '@nestjs/common';
import { AppError, DomainEventPublisher } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { TIME_ZONE_CHANGED } from './account-events';
import { Locale, User } from './user.entity';

@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEventPublisher,
  ) {}

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
      await this.dataSource.transaction(async (m) => {
        // The row lock orders two changes of one person's settings.
        const [before] = await m.query<Array<{ time_zone: string }>>(
          'SELECT time_zone FROM "user" WHERE id = $1 FOR NO KEY UPDATE',
          [id],
        );
        await m.getRepository(User).update({ id }, changes);
        if (before && changes.timeZone && changes.timeZone !== before.time_zone) {
          await this.events.publish(m, TIME_ZONE_CHANGED, {
            userId: id,
            timeZone: changes.timeZone,
          });
        }
      });
    }
    return this.get(id);
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw AppError.notFound('User', id);
    return user;
  }
}
