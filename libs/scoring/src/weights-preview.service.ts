import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { Actor, PolicyService, remitAreaCoversSql } from '@tsunagu/identity';
import {
  FACTORS,
  type FactorName,
  type MatchingWeights,
  pairScore,
  type ParticipantFacts,
} from '@tsunagu/matching';
import { ParticipantProfileService } from '@tsunagu/participants';
import { Program } from '@tsunagu/projects';
import { DataSource } from 'typeorm';
import { MatchingFactsLoader, ScoredProjectFacts } from './matching-facts.loader';
import { currentWeights } from './program-weights.queries';
import { ProjectCandidateList } from './project-candidate-list.entity';

// The sample is capped so a preview costs a few hundred pair scores, whatever the program's size.
export const PREVIEW_PROJECTS = 5;
export const PREVIEW_CANDIDATES = 20;

export interface RankChange {
  participantId: string;
  displayName: string;
  // 1 = best, within the sample.
  rankBefore: number;
  rankAfter: number;
  scoreBefore: number;
  scoreAfter: number;
}

export interface WeightsPreview {
  // The program has no published project yet: projects in its intermediary's remit stand in.
  fromRemit: boolean;
  projects: Array<{ projectId: string; projectTitle: string; candidates: RankChange[] }>;
}

const PROJECT_PLACE = {
  prefectureCode: 'p.prefecture_code',
  municipalityCode: 'p.municipality_code',
};

// How a program's candidate rankings would change under other weights, before they are saved:
// the top stored candidates of a few of its published projects, scored by the engine under the
// current and the proposed weights (as the re-score after saving would score them).
@Injectable()
export class WeightsPreviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly profiles: ParticipantProfileService,
    private readonly facts: MatchingFactsLoader,
  ) {}

  async preview(
    actor: Actor,
    programId: string,
    weights: Record<FactorName, number>,
  ): Promise<WeightsPreview> {
    const program = await this.dataSource.getRepository(Program).findOneBy({ id: programId });
    if (!program) throw AppError.notFound('Program', programId);
    this.policy.assert(
      this.policy.canRunProgramsOf(actor, program.intermediaryOrganizationId),
      "Only the program's intermediary previews its matching weights",
    );
    const m = this.dataSource.manager;
    let fromRemit = false;
    let rows = await m.query<Array<{ id: string; title: string }>>(
      `SELECT p.id, p.title FROM project p
        WHERE p.program_id = $1 AND p.status = 'PUBLISHED' AND p.paused_at IS NULL
        ORDER BY p.published_at DESC NULLS LAST, p.id LIMIT $2`,
      [programId, PREVIEW_PROJECTS],
    );
    if (rows.length === 0) {
      fromRemit = true;
      rows = await m.query<Array<{ id: string; title: string }>>(
        `SELECT p.id, p.title FROM project p
          WHERE p.status = 'PUBLISHED' AND p.paused_at IS NULL
            AND EXISTS (SELECT 1 FROM remit_area r WHERE r.organization_id = $1
                          AND ${remitAreaCoversSql('r', PROJECT_PLACE)})
          ORDER BY p.published_at DESC NULLS LAST, p.id LIMIT $2`,
        [program.intermediaryOrganizationId, PREVIEW_PROJECTS],
      );
    }
    const projectIds = rows.map((r) => r.id);
    const lists = projectIds.length
      ? await m.getRepository(ProjectCandidateList).find({
          where: projectIds.map((projectId) => ({ projectId })),
        })
      : [];
    const sampleOf = new Map(
      lists.map((l) => [l.projectId, l.participantIds.slice(0, PREVIEW_CANDIDATES)]),
    );
    const sampled = [...new Set([...sampleOf.values()].flat())];
    // Only profiles the viewer may see are named, as in recommendedCandidates.
    const [views, participantFacts, projectFacts, before] = await Promise.all([
      this.profiles.visibleViews(actor, sampled),
      this.facts.participants(sampled),
      this.facts.projects(projectIds, m, true),
      currentWeights(m, programId),
    ]);
    const nameOf = new Map(views.map((v) => [v.profile.userId, v.profile.user!.displayName]));
    const factsOf = new Map(participantFacts.map((p) => [p.id, p]));
    const projectOf = new Map(projectFacts.map((p) => [p.id, p]));
    const after: MatchingWeights = {
      version: 'preview',
      weights: Object.fromEntries(
        FACTORS.map((f) => [f, weights[f]]),
      ) as MatchingWeights['weights'],
    };
    return {
      fromRemit,
      projects: rows.flatMap((row) => {
        const project = projectOf.get(row.id);
        if (!project) return [];
        const sample = (sampleOf.get(row.id) ?? [])
          .filter((id) => nameOf.has(id))
          .flatMap((id) => factsOf.get(id) ?? []);
        return [
          {
            projectId: row.id,
            projectTitle: row.title,
            candidates: rankChanges(sample, project, before, after, nameOf),
          },
        ];
      }),
    };
  }
}

// Each sampled participant's rank and score under both weights; a pair the hard filters now
// exclude is left out (the re-score would drop it too).
function rankChanges(
  sample: readonly ParticipantFacts[],
  project: ScoredProjectFacts,
  before: MatchingWeights,
  after: MatchingWeights,
  nameOf: ReadonlyMap<string, string>,
): RankChange[] {
  const ranked = (weights: MatchingWeights) => {
    const scored = sample.flatMap((p) => {
      const score = pairScore(p, project, weights);
      return score === null ? [] : [{ id: p.id, score }];
    });
    // Best first, ties by id: the order stored lists use.
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return new Map(scored.map((s, i) => [s.id, { rank: i + 1, score: s.score }]));
  };
  const was = ranked(before);
  const will = ranked(after);
  return [...will].map(([id, now]) => ({
    participantId: id,
    displayName: nameOf.get(id)!,
    rankBefore: was.get(id)!.rank,
    rankAfter: now.rank,
    scoreBefore: was.get(id)!.score,
    scoreAfter: now.score,
  }));
}
