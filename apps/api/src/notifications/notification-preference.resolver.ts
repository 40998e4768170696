import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@tsunagu/identity';
import {
  NotificationPreferenceInput,
  NotificationPreferenceService,
  NotificationPreferenceType,
} from '@tsunagu/notifications';
import { Authenticated } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver(() => NotificationPreferenceType)
export class NotificationPreferenceResolver {
  constructor(private readonly preferences: NotificationPreferenceService) {}

  @Authenticated()
  @Query(() => [NotificationPreferenceType], {
    description: 'How you hear of each kind of event, per channel: your choice or your default.',
  })
  myNotificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferenceType[]> {
    return this.preferences.settingsOf(actor.userId);
  }

  @Authenticated()
  @Mutation(() => NotificationPreferenceType)
  setNotificationPreference(
    @CurrentActor() actor: Actor,
    @Args('input') input: NotificationPreferenceInput,
  ): Promise<NotificationPreferenceType> {
    return this.preferences.set(actor.userId, input.eventType, input.channel, input.mode ?? null);
  }
}
