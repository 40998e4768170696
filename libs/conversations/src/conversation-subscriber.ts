import { Injectable } from '@nestjs/common';
import { EventOf, OnEvent } from '@tsunagu/core';
import { APPLICATION_SUBMITTED, SCOUT_OFFER_RECEIVED } from '@tsunagu/engagements';
import { EntityManager } from 'typeorm';
import { ConversationService } from './conversation.service';

// A thread opens with its parent, in the parent's transaction, so the participant can write to
// the region as soon as they have applied or been scouted.
@Injectable()
export class ConversationSubscriber {
  constructor(private readonly conversations: ConversationService) {}

  @OnEvent(APPLICATION_SUBMITTED)
  async applied(
    manager: EntityManager,
    { payload }: EventOf<typeof APPLICATION_SUBMITTED>,
  ): Promise<void> {
    await this.conversations.open(manager, { engagementId: payload.engagementId });
  }

  @OnEvent(SCOUT_OFFER_RECEIVED)
  async scouted(
    manager: EntityManager,
    { payload }: EventOf<typeof SCOUT_OFFER_RECEIVED>,
  ): Promise<void> {
    await this.conversations.open(manager, { scoutOfferId: payload.offerId });
  }
}
