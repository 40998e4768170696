import { graphql } from '../gql';

// A program's fiscal year as the printable report shows it; breakdowns reuse KpiFields.
export const ProgramReportQuery = graphql(`
  query ProgramReport($programId: ID!, $fiscalYear: Int) {
    programReport(programId: $programId, fiscalYear: $fiscalYear) {
      program {
        id
        name
        description
      }
      fiscalYear
      from
      to
      kpis {
        metric
        target
        result
        previousResult
        achievementRate
      }
      targets {
        metric
        updatedByName
        updatedAt
      }
      byTheme {
        ...KpiFields
      }
      byPrefecture {
        ...KpiFields
      }
      byParticipantKind {
        ...KpiFields
      }
      review {
        ...ProgramReviewFields
      }
    }
  }
`);

export const ProgramReviewFieldsFragment = graphql(`
  fragment ProgramReviewFields on ProgramReview {
    plan
    execution
    evaluation
    improvement
    updatedByName
    updatedAt
  }
`);

export const SetProgramKpiTargetsMutation = graphql(`
  mutation SetProgramKpiTargets($input: SetProgramKpiTargetsInput!) {
    setProgramKpiTargets(input: $input) {
      metric
      target
    }
  }
`);

export const SetProgramReviewMutation = graphql(`
  mutation SetProgramReview($input: SetProgramReviewInput!) {
    setProgramReview(input: $input) {
      ...ProgramReviewFields
    }
  }
`);
