import { DEFAULT_WEIGHTS, type MatchingWeights } from '@tsunagu/matching';
import { toParticipantCard } from '@tsunagu/participants';
import { toProjectType } from '@tsunagu/projects';
import type { ProgramWeights } from './program-weights.entity';
import { toMatchingWeights } from './program-weights.queries';
import type { CandidateView, ProjectRecommendation } from './recommendation.service';
import type { ScoringRun } from './scoring-run.entity';
import type {
  CandidateRecommendationType,
  ProgramWeightsType,
  ProjectRecommendationType,
  ScoringRunType,
} from './scoring.types';

export function toProjectRecommendationType(r: ProjectRecommendation): ProjectRecommendationType {
  return {
    rank: r.rank,
    score: r.score,
    weightsVersion: r.weightsVersion,
    factors: r.factors,
    computedAt: r.computedAt,
    project: toProjectType(r.project),
  };
}

export function toCandidateRecommendationType(c: CandidateView): CandidateRecommendationType {
  return {
    rank: c.rank,
    score: c.score,
    weightsVersion: c.weightsVersion,
    factors: c.factors,
    computedAt: c.computedAt,
    participant: toParticipantCard(c.view),
  };
}

// A program without weights of its own is scored with the defaults.
export function toProgramWeightsType(
  programId: string,
  row: ProgramWeights | undefined,
): ProgramWeightsType {
  const weights: MatchingWeights = row ? toMatchingWeights(row) : DEFAULT_WEIGHTS;
  return { programId, version: weights.version, weights: { ...weights.weights } };
}

export function toScoringRunType(run: ScoringRun): ScoringRunType {
  return {
    id: run.id,
    status: run.status,
    reason: run.reason,
    chunksTotal: run.chunksTotal,
    chunksDone: run.chunksDone,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
  };
}
