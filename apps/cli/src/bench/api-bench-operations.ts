// The four operations the API benchmark drives, as GraphQL requests: what a screen asks for,
// without fields that need further loaders (the same JSON is built by the bare baseline).

export interface BenchSubjects {
  // A participant with a stored list of recommended projects.
  participantId: string;
  // A staff member of the region of `projectId`, which has stored candidates.
  staffId: string;
  projectId: string;
  // A Japanese word of the synthetic projects' texts.
  searchText: string;
}

export interface GraphqlRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface ApiBenchOperation {
  // The key of its numbers in the report (`<name>_p50_ms`, …).
  name: 'recommend' | 'candidates' | 'search' | 'me';
  // Signed in as the staff member (else as the participant).
  asStaff: boolean;
  request(subjects: BenchSubjects, first: number): GraphqlRequest;
  // Items in an answer's data: an empty one would time nothing.
  size(data: unknown): number;
}

const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';
const FACTORS = 'factors { factor weight value }';
const PROJECT_FIELDS = 'id title mode startDate endDate hoursPerWeek publishedAt';

type Edges = { edges: unknown[] };
const edgesOf = (data: unknown, field: string) =>
  ((data as Record<string, Edges | undefined>)[field]?.edges ?? []).length;

export const API_BENCH_OPERATIONS: readonly ApiBenchOperation[] = [
  {
    name: 'recommend',
    asStaff: false,
    request: (_, first) => ({
      operationName: 'BenchRecommend',
      query: `query BenchRecommend($first: Int!) {
        recommendedProjects(first: $first) {
          edges { cursor node { rank score weightsVersion computedAt ${FACTORS}
            project { ${PROJECT_FIELDS} } } }
          ${PAGE_INFO}
        }
      }`,
      variables: { first },
    }),
    size: (data) => edgesOf(data, 'recommendedProjects'),
  },
  {
    name: 'candidates',
    asStaff: true,
    request: (s, first) => ({
      operationName: 'BenchCandidates',
      query: `query BenchCandidates($projectId: ID!, $first: Int!) {
        recommendedCandidates(projectId: $projectId, first: $first) {
          edges { cursor node { rank score weightsVersion computedAt ${FACTORS}
            participant { userId displayName kind travelRangeKm remoteOnly } } }
          ${PAGE_INFO}
        }
      }`,
      variables: { projectId: s.projectId, first },
    }),
    size: (data) => edgesOf(data, 'recommendedCandidates'),
  },
  {
    name: 'search',
    asStaff: false,
    request: (s, first) => ({
      operationName: 'BenchSearch',
      query: `query BenchSearch($text: String!, $first: Int!) {
        projects(filter: { text: $text }, first: $first) {
          edges { cursor node { ${PROJECT_FIELDS} } }
          ${PAGE_INFO}
        }
      }`,
      variables: { text: s.searchText, first },
    }),
    size: (data) => edgesOf(data, 'projects'),
  },
  {
    name: 'me',
    asStaff: true,
    request: () => ({
      operationName: 'BenchMe',
      query: `query BenchMe {
        me { id email displayName locale timeZone emailVerified
          memberships { role organization { id name kind } } }
      }`,
      variables: {},
    }),
    size: (data) => ((data as { me?: unknown }).me ? 1 : 0),
  },
];
