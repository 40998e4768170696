import { accountMessages } from '../account/messages';
import { activityDayMessages } from '../activity-days/messages';
import { adminMessages } from '../admin/messages';
import { cohortMessages } from '../cohorts/messages';
import { companyMessages } from '../company/messages';
import { conversationMessages } from '../conversations/messages';
import { councilMessages } from '../council/messages';
import { engagementMessages } from '../engagements/messages';
import { eventMessages } from '../events/messages';
import { guardianMessages } from '../guardians/messages';
import { interestMessages } from '../interests/messages';
import { mentoringMessages } from '../mentoring/messages';
import { notificationMessages } from '../notifications/messages';
import { organizationMessages } from '../organization/messages';
import { peopleMessages } from '../people/messages';
import { profileMessages } from '../profile/messages';
import { projectMessages } from '../projects/messages';
import { recommendationMessages } from '../recommendations/messages';
import { regionMessages } from '../region/messages';
import { regionProfileMessages } from '../region-profile/messages';
import { reportMessages } from '../reports/messages';
import { reviewMessages } from '../review/messages';
import { scoutingMessages } from '../scouting/messages';
import { settingsMessages } from '../settings/messages';
import { sharingMessages } from '../sharing/messages';
import { supervisionMessages } from '../supervision/messages';
import { workspaceMessages } from '../workspace/messages';
import { sharedMessages } from './shared-messages';

// Every area's words, one line each (keep in alphabetical order of the area).
export const AREAS = [
  sharedMessages,
  accountMessages,
  activityDayMessages,
  adminMessages,
  cohortMessages,
  companyMessages,
  conversationMessages,
  councilMessages,
  engagementMessages,
  eventMessages,
  guardianMessages,
  interestMessages,
  mentoringMessages,
  notificationMessages,
  organizationMessages,
  peopleMessages,
  profileMessages,
  projectMessages,
  recommendationMessages,
  regionMessages,
  regionProfileMessages,
  reportMessages,
  reviewMessages,
  scoutingMessages,
  settingsMessages,
  sharingMessages,
  supervisionMessages,
  workspaceMessages,
];

export const ja = Object.assign({}, ...AREAS.map((area) => area.ja)) as UnionOf<'ja'>;
export const en = Object.assign({}, ...AREAS.map((area) => area.en)) as UnionOf<'en'>;

type Area = (typeof AREAS)[number];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  u: infer I,
) => void
  ? I
  : never;
type UnionOf<L extends 'ja' | 'en'> = UnionToIntersection<Area[L]>;
