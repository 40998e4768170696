import { Injectable } from '@nestjs/common';
import { AppError, Recipient, RecipientRole } from '@tsunagu/core';
import { NOTIFICATION_EVENT_TYPES, NotificationEventType } from './notified-events';
import { DataSource, EntityManager, In } from 'typeorm';
import { DeliveryChannel, DeliveryMode } from './delivery-kinds';
import { allowedModes, defaultMode } from './notification-defaults';
import { NotificationPreference } from './notification-preference.entity';

export interface PreferenceSetting {
  eventType: NotificationEventType;
  channel: DeliveryChannel;
  mode: DeliveryMode;
  isDefault: boolean;
}

const CHANNELS = [DeliveryChannel.IN_APP, DeliveryChannel.EMAIL];

@Injectable()
export class NotificationPreferenceService {
  constructor(private readonly dataSource: DataSource) {}

  // The mode per recipient and channel for one event: their own choice, else their role's default.
  async modesFor(
    manager: EntityManager,
    type: NotificationEventType,
    recipients: readonly Recipient[],
  ): Promise<Map<string, Map<DeliveryChannel, DeliveryMode>>> {
    const [modes] = await this.modesForEach(manager, [{ type, recipients }]);
    return modes;
  }

  // modesFor for several events at once, with one query for all their recipients' choices. Each
  // event gets its own map: a person may hear of two events of a type in different roles.
  async modesForEach(
    manager: EntityManager,
    events: ReadonlyArray<{ type: NotificationEventType; recipients: readonly Recipient[] }>,
  ): Promise<Array<Map<string, Map<DeliveryChannel, DeliveryMode>>>> {
    const userIds = [...new Set(events.flatMap((e) => e.recipients.map((r) => r.userId)))];
    const types = [...new Set(events.map((e) => e.type))];
    const chosen =
      userIds.length === 0
        ? []
        : await manager.getRepository(NotificationPreference).find({
            where: { userId: In(userIds), eventType: In(types) },
          });
    return events.map(({ type, recipients }) => {
      const modes = new Map<string, Map<DeliveryChannel, DeliveryMode>>();
      for (const r of recipients) {
        modes.set(r.userId, new Map(CHANNELS.map((c) => [c, defaultMode(r.role, type, c)])));
      }
      for (const p of chosen) if (p.eventType === type) modes.get(p.userId)?.set(p.channel, p.mode);
      return modes;
    });
  }

  // Every event type and channel with what applies to this user now.
  async settingsOf(userId: string): Promise<PreferenceSetting[]> {
    const [chosen, role] = await Promise.all([
      this.dataSource.getRepository(NotificationPreference).findBy({ userId }),
      this.roleOf(userId),
    ]);
    const own = new Map(chosen.map((p) => [`${p.eventType}:${p.channel}`, p.mode]));
    return NOTIFICATION_EVENT_TYPES.flatMap((eventType) =>
      CHANNELS.map((channel) => {
        const mode = own.get(`${eventType}:${channel}`);
        return {
          eventType,
          channel,
          mode: mode ?? defaultMode(role, eventType, channel),
          isDefault: mode === undefined,
        };
      }),
    );
  }

  // Sets (or, with mode null, forgets) the user's choice for one event type and channel.
  async set(
    userId: string,
    eventType: NotificationEventType,
    channel: DeliveryChannel,
    mode: DeliveryMode | null,
  ): Promise<PreferenceSetting> {
    if (mode !== null && !allowedModes(channel).includes(mode)) {
      throw AppError.invalidField(
        ['input', 'mode'],
        `must be one of ${allowedModes(channel).join(', ')} for ${channel}`,
      );
    }
    const repository = this.dataSource.getRepository(NotificationPreference);
    if (mode === null) {
      await repository.delete({ userId, eventType, channel });
    } else {
      await repository.upsert({ userId, eventType, channel, mode }, [
        'userId',
        'eventType',
        'channel',
      ]);
    }
    const settings = await this.settingsOf(userId);
    return settings.find((s) => s.eventType === eventType && s.channel === channel)!;
  }

  // The role whose defaults a person sees in their settings: the kind of their first organisation
  // (staff of regions and intermediaries), else participant. Deliveries use the role in which
  // they hear of each event.
  private async roleOf(userId: string): Promise<RecipientRole> {
    const [row] = await this.dataSource.query<Array<{ kind: 'REGION' | 'INTERMEDIARY' }>>(
      `SELECT o.kind FROM membership m JOIN organization o ON o.id = m.organization_id
        WHERE m.user_id = $1 AND o.kind IN ('REGION', 'INTERMEDIARY')
        ORDER BY m.created_at, o.id LIMIT 1`,
      [userId],
    );
    return row ? RecipientRole[row.kind] : RecipientRole.PARTICIPANT;
  }
}
