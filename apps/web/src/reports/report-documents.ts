import { graphql } from '../gql';

// The figures a report screen shows of one group.
export const KpiFieldsFragment = graphql(`
  fragment KpiFields on EngagementKpi {
    key
    label
    projectsPublished
    applications
    offers
    matches
    acceptanceRate
    activeEngagements
    hoursContributed
    completionRate
  }
`);

// Every grouping the reports page draws, in one request.
export const ReportKpisQuery = graphql(`
  query ReportKpis($filter: EngagementKpiFilterInput!) {
    overall: engagementKpis(filter: $filter, groupBy: NONE) {
      ...KpiFields
    }
    byMonth: engagementKpis(filter: $filter, groupBy: MONTH) {
      ...KpiFields
    }
    byTheme: engagementKpis(filter: $filter, groupBy: THEME) {
      ...KpiFields
    }
    byKind: engagementKpis(filter: $filter, groupBy: PARTICIPANT_KIND) {
      ...KpiFields
    }
    byPrefecture: engagementKpis(filter: $filter, groupBy: PREFECTURE) {
      ...KpiFields
    }
  }
`);

// What the filters offer: the intermediary's programs, the regions with figures in the period
// (unfiltered, so choosing one keeps the others listed) and the themes.
export const ReportFilterOptionsQuery = graphql(`
  query ReportFilterOptions(
    $intermediaryOrganizationId: ID!
    $withPrograms: Boolean!
    $period: EngagementKpiFilterInput!
  ) {
    programs(intermediaryOrganizationId: $intermediaryOrganizationId) @include(if: $withPrograms) {
      id
      name
    }
    regions: engagementKpis(filter: $period, groupBy: REGION) {
      key
      label
    }
    themes {
      ...ThemeFields
    }
  }
`);
