import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { ParticipantsModule } from '@tsunagu/participants';
import { ProjectsModule } from '@tsunagu/projects';
import { MatchingEngineCache } from './matching-engine.cache';
import { MatchingFactsLoader } from './matching-facts.loader';
import { ParticipantRecommendationList } from './participant-recommendation-list.entity';
import { ProgramWeights } from './program-weights.entity';
import { ProgramWeightsService } from './program-weights.service';
import { ProjectCandidateList } from './project-candidate-list.entity';
import { RecommendationStore } from './recommendation-store';
import { RecommendationService } from './recommendation.service';
import { ScoringRunChunk } from './scoring-run-chunk.entity';
import { ScoringRun } from './scoring-run.entity';
import { ScoringRunService } from './scoring-run.service';
import { ScoringRequestService } from './scoring-request.service';
import { ScoringSubject } from './scoring-subject.entity';
import { ScoringSubscriber } from './scoring-subscriber';
import { ScoringService } from './scoring.service';
import { WeightsPreviewService } from './weights-preview.service';

// Stored recommendations and the work that keeps them fresh, around the pure matching engine.
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ProgramWeights,
      ParticipantRecommendationList,
      ProjectCandidateList,
      ScoringRun,
      ScoringRunChunk,
      ScoringSubject,
    ]),
    IdentityModule,
    ParticipantsModule,
    ProjectsModule,
  ],
  providers: [
    MatchingFactsLoader,
    MatchingEngineCache,
    RecommendationStore,
    ScoringService,
    ScoringRunService,
    ProgramWeightsService,
    RecommendationService,
    ScoringRequestService,
    ScoringSubscriber,
    WeightsPreviewService,
  ],
  exports: [
    MatchingFactsLoader,
    ScoringService,
    ScoringRunService,
    ProgramWeightsService,
    RecommendationService,
    WeightsPreviewService,
  ],
})
export class ScoringModule {}
