import { Injectable } from '@nestjs/common';
import { EventOf, OnEvent } from '@tsunagu/core';
import { PARTICIPANT_TIES_CHANGED, PROJECT_CANDIDATES_CHANGED } from '@tsunagu/engagements';
import { PARTICIPANT_PROFILE_CHANGED } from '@tsunagu/participants';
import { PROJECT_CHANGED } from '@tsunagu/projects';
import { EntityManager } from 'typeorm';
import { ScoringRequestService } from './scoring-request.service';

// The changes that move recommendations, heard in the transaction that makes them: each bumps
// the subject's revision and queues its debounced re-score through the outbox.
@Injectable()
export class ScoringSubscriber {
  constructor(private readonly requests: ScoringRequestService) {}

  @OnEvent(PARTICIPANT_PROFILE_CHANGED, PARTICIPANT_TIES_CHANGED)
  async participant(
    manager: EntityManager,
    {
      payload,
    }: EventOf<typeof PARTICIPANT_PROFILE_CHANGED> | EventOf<typeof PARTICIPANT_TIES_CHANGED>,
  ): Promise<void> {
    await this.requests.participantChanged(manager, payload.participantId);
  }

  @OnEvent(PROJECT_CHANGED, PROJECT_CANDIDATES_CHANGED)
  async project(
    manager: EntityManager,
    { payload }: EventOf<typeof PROJECT_CHANGED> | EventOf<typeof PROJECT_CANDIDATES_CHANGED>,
  ): Promise<void> {
    await this.requests.projectChanged(manager, payload.projectId);
  }
}
