import type { CouncilTag } from '../gql/graphql';

// Every tag, in the order pickers and filters list them (the API's CouncilTag).
export const COUNCIL_TAGS: readonly CouncilTag[] = [
  'PARTNER_REGIONS',
  'CORPORATE_PARTNERS',
  'PARTICIPANTS',
  'PROFESSIONAL_SKILLS',
  'KNOW_HOW',
  'TRAINING',
  'VENUES',
  'ACCOMMODATION',
  'LOCAL_RESOURCES',
  'FUNDING',
  'PUBLICITY',
  'DIGITAL',
  'EVENTS',
  'RESEARCH',
];

export const MEMBER_KINDS = ['REGION', 'INTERMEDIARY', 'COMPANY'] as const;
