import { Injectable } from '@nestjs/common';
import { ConversationService, ConversationView } from '@tsunagu/conversations';
import { Actor, Organization, OrganizationService, RemitArea } from '@tsunagu/identity';
import {
  EngagementKpiFilterInput,
  EngagementKpiType,
  KpiGroupBy,
  KpiReportService,
} from '@tsunagu/insights';
import {
  Program,
  ProgramService,
  ProjectInterestService,
  ProjectService,
  ProjectSkill,
} from '@tsunagu/projects';
import { Theme, ThemeService } from '@tsunagu/taxonomy';
import { ConsentSubjectKind, GuardianConsent, GuardianConsents } from '@tsunagu/participants';
import DataLoader from 'dataloader';
import { groupBy } from '@tsunagu/core';

// Batches the lookups of one GraphQL request: a page of N projects asks for its regions, themes,
// programs and required skills in one query each instead of N. A fresh set per request, so
// nothing is cached across users.
export interface RequestLoaders {
  organization: DataLoader<string, Organization | null>;
  remit: DataLoader<string, RemitArea[]>;
  theme: DataLoader<string, Theme | null>;
  program: DataLoader<string, Program | null>;
  requiredSkills: DataLoader<string, ProjectSkill[]>;
  supervisors: DataLoader<string, Organization[]>;
  // Keyed by a region's id: the intermediaries whose remit covers its place.
  coveringIntermediaries: DataLoader<string, Organization[]>;
  // Keyed by an intermediary's id: its programs.
  programsOf: DataLoader<string, Program[]>;
  interestCount: DataLoader<string, number>;
  // Keyed by an engagement's id: its guardian's consent (null when none is needed).
  engagementGuardianConsent: DataLoader<string, GuardianConsent | null>;
  // Keyed by an event registration's id: its guardian's consent (null when none is needed).
  registrationGuardianConsent: DataLoader<string, GuardianConsent | null>;
  // Keyed by `${userId}:${projectId}`: whether that user marked that project.
  interested: DataLoader<string, boolean>;
  // A scout offer's thread as the actor sees it (null where they may not read it): one loader
  // per actor, in practice the one signed-in user of the request.
  scoutOfferConversation(actor: Actor): DataLoader<string, ConversationView | null>;
  // The KPI figures of one grouping: a report screen's groupings of one filter are computed in
  // one statement (one pass over the facts) instead of one each; one loader per actor.
  kpis(actor: Actor): DataLoader<KpiKey, EngagementKpiType[], string>;
}

export interface KpiKey {
  filter: EngagementKpiFilterInput;
  groupBy: KpiGroupBy;
}

function byKey<K, V>(rows: V[], key: (row: V) => K, keys: readonly K[]): Array<V | null> {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupedBy<K, V>(rows: V[], key: (row: V) => K, keys: readonly K[]): V[][] {
  const groups = groupBy(rows, key);
  return keys.map((k) => groups.get(k) ?? []);
}

@Injectable()
export class DataLoaders {
  constructor(
    private readonly organizations: OrganizationService,
    private readonly themes: ThemeService,
    private readonly programs: ProgramService,
    private readonly projects: ProjectService,
    private readonly interests: ProjectInterestService,
    private readonly conversations: ConversationService,
    private readonly guardianConsents: GuardianConsents,
    private readonly reports: KpiReportService,
  ) {}

  create(): RequestLoaders {
    const organization = new DataLoader(async (ids: readonly string[]) =>
      byKey(await this.organizations.findByIds(ids), (o) => o.id, ids),
    );
    const offerThreads = new Map<string, DataLoader<string, ConversationView | null>>();
    const kpis = new Map<string, DataLoader<KpiKey, EngagementKpiType[], string>>();
    return {
      organization,
      remit: new DataLoader(async (ids) =>
        groupedBy(await this.organizations.remitsOf(ids), (a) => a.organizationId, ids),
      ),
      theme: new DataLoader(async (codes) =>
        byKey(await this.themes.findByCodes(codes), (t) => t.code, codes),
      ),
      program: new DataLoader(async (ids) =>
        byKey(await this.programs.findByIds(ids), (p) => p.id, ids),
      ),
      requiredSkills: new DataLoader(async (ids) =>
        groupedBy(await this.projects.requiredSkillsFor(ids), (s) => s.projectId, ids),
      ),
      // Through the organisation loader: one query for the pairs, the organisations batched and
      // shared with the other fields of the request.
      supervisors: new DataLoader(async (ids) => {
        const pairs = await this.projects.supervisorsOf(ids);
        const orgs = await organization.loadMany(pairs.map((p) => p.organizationId));
        const rows = pairs.flatMap((p, i) => {
          const o = orgs[i];
          return o && !(o instanceof Error) ? [{ projectId: p.projectId, organization: o }] : [];
        });
        return groupedBy(rows, (r) => r.projectId, ids).map((g) => g.map((r) => r.organization));
      }),
      coveringIntermediaries: new DataLoader(async (ids) => {
        const pairs = await this.organizations.coveringIntermediariesOf(ids);
        const orgs = await organization.loadMany(pairs.map((p) => p.organizationId));
        const rows = pairs.flatMap((p, i) => {
          const o = orgs[i];
          return o && !(o instanceof Error) ? [{ regionId: p.regionId, organization: o }] : [];
        });
        return groupedBy(rows, (r) => r.regionId, ids).map((g) => g.map((r) => r.organization));
      }),
      programsOf: new DataLoader(async (ids) =>
        groupedBy(await this.programs.listForMany(ids), (p) => p.intermediaryOrganizationId, ids),
      ),
      engagementGuardianConsent: new DataLoader(async (ids) =>
        byKey(
          await this.guardianConsents.forSubjects(ConsentSubjectKind.ENGAGEMENT, ids),
          (c) => c.subjectId,
          ids,
        ),
      ),
      registrationGuardianConsent: new DataLoader(async (ids) =>
        byKey(
          await this.guardianConsents.forSubjects(ConsentSubjectKind.EVENT_REGISTRATION, ids),
          (c) => c.subjectId,
          ids,
        ),
      ),
      interestCount: new DataLoader(async (ids) => {
        const counts = await this.interests.countsFor(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      }),
      interested: new DataLoader(async (keys) => {
        const pairs = keys.map((k) => k.split(':') as [string, string]);
        // One query per user asking: in practice the one signed-in user of the request.
        const marked = new Map<string, Set<string>>();
        for (const [userId, ids] of groupBy(pairs, ([u]) => u)) {
          marked.set(
            userId,
            await this.interests.markedBy(
              userId,
              ids.map(([, p]) => p),
            ),
          );
        }
        return pairs.map(([u, p]) => marked.get(u)!.has(p));
      }),
      scoutOfferConversation: (actor) => {
        let loader = offerThreads.get(actor.userId);
        if (!loader) {
          loader = new DataLoader((ids) => this.conversations.forScoutOffers(actor, ids));
          offerThreads.set(actor.userId, loader);
        }
        return loader;
      },
      kpis: (actor) => {
        let loader = kpis.get(actor.userId);
        if (!loader) {
          const filterKey = (f: EngagementKpiFilterInput) => JSON.stringify(f);
          loader = new DataLoader(
            async (keys) => {
              const answers = new Map<KpiKey, EngagementKpiType[]>();
              for (const [, same] of groupBy(keys, (k) => filterKey(k.filter))) {
                const lists = await this.reports.figuresBy(
                  actor,
                  same[0].filter,
                  same.map((k) => k.groupBy),
                );
                same.forEach((k, i) => answers.set(k, lists[i]));
              }
              return keys.map((k) => answers.get(k)!);
            },
            { cacheKeyFn: (k) => `${k.groupBy}:${filterKey(k.filter)}` },
          );
          kpis.set(actor.userId, loader);
        }
        return loader;
      },
    };
  }
}
