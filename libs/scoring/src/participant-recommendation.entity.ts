import { Entity, Index } from 'typeorm';
import { StoredMatch } from './stored-match';

// A participant's top-K published projects, as last computed.
@Entity()
@Index('participant_recommendation_rank_idx', ['participantId', 'rank'])
export class ParticipantRecommendation extends StoredMatch {}
