import { Entity, Index } from 'typeorm';
import { StoredMatch } from './stored-match';

// A published project's top-K candidate participants, as last computed.
@Entity()
@Index('project_candidate_rank_idx', ['projectId', 'rank'])
export class ProjectCandidate extends StoredMatch {}
