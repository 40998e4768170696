import type { OrganizationKind } from '../gql/graphql';

// One page of an organisation's workspace, at /manage/<organisation id>/<path>, shown to the
// members of organisations of these kinds. Each area adds its pages here (and their routes in
// app/routes.tsx, under `manage/:orgId`), in the order the menu lists them.
export interface WorkspaceSection {
  path: string;
  labelKey: string;
  kinds: readonly OrganizationKind[];
}

export const WORKSPACE_SECTIONS: readonly WorkspaceSection[] = [
  // A region starts from who it is and who supports it; other kinds from their daily work.
  { path: 'organization', labelKey: 'organization.nav', kinds: ['REGION'] },
  { path: 'projects', labelKey: 'region.nav.projects', kinds: ['REGION'] },
  { path: 'profile', labelKey: 'regionProfile.nav', kinds: ['REGION'] },
  {
    path: 'events',
    labelKey: 'eventsManage.nav',
    kinds: ['REGION', 'INTERMEDIARY', 'PLATFORM'],
  },
  { path: 'review', labelKey: 'review.nav', kinds: ['INTERMEDIARY'] },
  { path: 'supervision', labelKey: 'supervision.nav', kinds: ['INTERMEDIARY'] },
  { path: 'programs', labelKey: 'programs.nav', kinds: ['INTERMEDIARY'] },
  { path: 'cohorts', labelKey: 'cohorts.section', kinds: ['INTERMEDIARY'] },
  { path: 'reports', labelKey: 'reports.nav', kinds: ['INTERMEDIARY', 'PLATFORM'] },
  { path: 'company/employees', labelKey: 'company.nav.employees', kinds: ['COMPANY'] },
  { path: 'company/programs', labelKey: 'company.nav.programs', kinds: ['COMPANY'] },
  { path: 'company/teams', labelKey: 'company.nav.teams', kinds: ['COMPANY'] },
  { path: 'company/impact', labelKey: 'company.nav.impact', kinds: ['COMPANY'] },
  {
    path: 'organization',
    labelKey: 'organization.nav',
    kinds: ['INTERMEDIARY', 'COMPANY', 'PLATFORM'],
  },
  { path: 'admin/organizations', labelKey: 'admin.nav.organizations', kinds: ['PLATFORM'] },
  { path: 'admin/skills', labelKey: 'admin.nav.skills', kinds: ['PLATFORM'] },
  { path: 'admin/deliveries', labelKey: 'admin.nav.deliveries', kinds: ['PLATFORM'] },
  { path: 'admin/council', labelKey: 'council.admin.nav', kinds: ['PLATFORM'] },
  // Membership of the council, its profile and partners: any kind of member organisation.
  { path: 'council', labelKey: 'council.nav', kinds: ['REGION', 'INTERMEDIARY', 'COMPANY'] },
  { path: 'admin/mentors', labelKey: 'mentoring.nav.admin', kinds: ['PLATFORM'] },
  // Council members' 1-on-1 sessions with mentors.
  {
    path: 'mentoring',
    labelKey: 'mentoring.nav.workspace',
    kinds: ['REGION', 'INTERMEDIARY', 'COMPANY'],
  },
];

export function sectionsFor(kind: OrganizationKind): WorkspaceSection[] {
  return WORKSPACE_SECTIONS.filter((section) => section.kinds.includes(kind));
}
