import { rowArrayLiteral, SqlRunner, TableSpec, WriteResult, writeRows } from './bulk-writer';
import type {
  MembershipRow,
  OrganizationRow,
  ParticipantProfileRow,
  ParticipantSkillRow,
  ProgramRow,
  ProjectAuditEntryRow,
  ProjectRow,
  ProjectSkillRow,
  RemitAreaRow,
  SyntheticDataset,
  UserRow,
} from './synthetic-data';
import type {
  CheckInRow,
  ConversationRow,
  EngagementEventRow,
  EngagementRow,
  FeedbackRow,
  FollowUpRow,
  MessageRow,
  MilestoneRow,
  NotificationRow,
} from './synthetic-activity';

// How each generated row maps onto its table's columns (see the migrations for the schema).

const organization: TableSpec<OrganizationRow> = {
  table: 'organization',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'kind', type: 'organization_kind', value: (r) => r.kind },
    { column: 'name', type: 'text', value: (r) => r.name },
    { column: 'municipality_code', type: 'text', value: (r) => r.municipalityCode },
    { column: 'prefecture_code', type: 'text', value: (r) => r.prefectureCode },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const user: TableSpec<UserRow> = {
  table: 'user',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'email', type: 'text', value: (r) => r.email },
    { column: 'password_hash', type: 'text', value: (r) => r.passwordHash },
    { column: 'display_name', type: 'text', value: (r) => r.displayName },
    { column: 'locale', type: 'text', value: (r) => r.locale },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const membership: TableSpec<MembershipRow> = {
  table: 'membership',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'user_id', type: 'uuid', value: (r) => r.userId },
    { column: 'organization_id', type: 'uuid', value: (r) => r.organizationId },
    { column: 'role', type: 'membership_role', value: (r) => r.role },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const remitArea: TableSpec<RemitAreaRow> = {
  table: 'remit_area',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'organization_id', type: 'uuid', value: (r) => r.organizationId },
    { column: 'prefecture_code', type: 'text', value: (r) => r.prefectureCode },
    { column: 'municipality_code', type: 'text', value: (r) => r.municipalityCode },
  ],
};

const program: TableSpec<ProgramRow> = {
  table: 'program',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    {
      column: 'intermediary_organization_id',
      type: 'uuid',
      value: (r) => r.intermediaryOrganizationId,
    },
    { column: 'name', type: 'text', value: (r) => r.name },
    { column: 'description', type: 'text', value: (r) => r.description },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const participantProfile: TableSpec<ParticipantProfileRow> = {
  table: 'participant_profile',
  columns: [
    { column: 'user_id', type: 'uuid', value: (r) => r.userId },
    { column: 'kind', type: 'participant_kind', value: (r) => r.kind },
    { column: 'company_organization_id', type: 'uuid', value: (r) => r.companyOrganizationId },
    { column: 'guardian_name', type: 'text', value: (r) => r.guardianName },
    { column: 'guardian_consent_at', type: 'timestamptz', value: (r) => r.guardianConsentAt },
    {
      column: 'theme_codes',
      type: 'text',
      castEach: 'text[]',
      value: (r) => rowArrayLiteral(r.themeCodes),
    },
    {
      column: 'goals',
      type: 'text',
      castEach: 'participant_goal[]',
      value: (r) => rowArrayLiteral(r.goals),
    },
    { column: 'weekly_hours', type: 'smallint', value: (r) => r.weeklyHours },
    {
      column: 'available_periods',
      type: 'text',
      castEach: 'jsonb',
      value: (r) => JSON.stringify(r.availablePeriods),
    },
    { column: 'available_days', type: 'available_days', value: (r) => r.availableDays },
    { column: 'home_municipality_code', type: 'text', value: (r) => r.homeMunicipalityCode },
    { column: 'travel_range_km', type: 'int', value: (r) => r.travelRangeKm },
    { column: 'remote_only', type: 'bool', value: (r) => r.remoteOnly },
    {
      column: 'languages',
      type: 'text',
      castEach: 'text[]',
      value: (r) => rowArrayLiteral(r.languages),
    },
    { column: 'bio', type: 'text', value: (r) => r.bio },
    { column: 'visibility', type: 'profile_visibility', value: (r) => r.visibility },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
    { column: 'updated_at', type: 'timestamptz', value: (r) => r.updatedAt },
  ],
};

const participantSkill: TableSpec<ParticipantSkillRow> = {
  table: 'participant_skill',
  columns: [
    { column: 'user_id', type: 'uuid', value: (r) => r.userId },
    { column: 'skill_id', type: 'uuid', value: (r) => r.skillId },
    { column: 'level', type: 'smallint', value: (r) => r.level },
  ],
};

const project: TableSpec<ProjectRow> = {
  table: 'project',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'region_organization_id', type: 'uuid', value: (r) => r.regionOrganizationId },
    { column: 'program_id', type: 'uuid', value: (r) => r.programId },
    { column: 'title', type: 'text', value: (r) => r.title },
    { column: 'description', type: 'text', value: (r) => r.description },
    { column: 'theme_code', type: 'text', value: (r) => r.themeCode },
    { column: 'municipality_code', type: 'text', value: (r) => r.municipalityCode },
    { column: 'prefecture_code', type: 'text', value: (r) => r.prefectureCode },
    { column: 'mode', type: 'project_mode', value: (r) => r.mode },
    { column: 'start_date', type: 'date', value: (r) => r.startDate },
    { column: 'end_date', type: 'date', value: (r) => r.endDate },
    {
      column: 'season_months',
      type: 'text',
      castEach: 'smallint[]',
      value: (r) => rowArrayLiteral(r.seasonMonths),
    },
    { column: 'hours_per_week', type: 'smallint', value: (r) => r.hoursPerWeek },
    { column: 'team_size', type: 'smallint', value: (r) => r.teamSize },
    { column: 'capacity', type: 'int', value: (r) => r.capacity },
    {
      column: 'eligible_kinds',
      type: 'text',
      castEach: 'participant_kind[]',
      value: (r) => rowArrayLiteral(r.eligibleKinds),
    },
    {
      column: 'languages',
      type: 'text',
      castEach: 'text[]',
      value: (r) => rowArrayLiteral(r.languages),
    },
    { column: 'status', type: 'project_status', value: (r) => r.status },
    { column: 'published_at', type: 'timestamptz', value: (r) => r.publishedAt },
    { column: 'published_by_id', type: 'uuid', value: (r) => r.publishedById },
    { column: 'closed_at', type: 'timestamptz', value: (r) => r.closedAt },
    { column: 'created_by_id', type: 'uuid', value: (r) => r.createdById },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
    { column: 'updated_at', type: 'timestamptz', value: (r) => r.updatedAt },
  ],
};

const projectSkill: TableSpec<ProjectSkillRow> = {
  table: 'project_skill',
  columns: [
    { column: 'project_id', type: 'uuid', value: (r) => r.projectId },
    { column: 'skill_id', type: 'uuid', value: (r) => r.skillId },
    { column: 'requirement', type: 'skill_requirement', value: (r) => r.requirement },
    { column: 'min_level', type: 'smallint', value: (r) => r.minLevel },
    { column: 'weight', type: 'smallint', value: (r) => r.weight },
  ],
};

const projectAuditEntry: TableSpec<ProjectAuditEntryRow> = {
  table: 'project_audit_entry',
  columns: [
    { column: 'project_id', type: 'uuid', value: (r) => r.projectId },
    { column: 'actor_id', type: 'uuid', value: (r) => r.actorId },
    { column: 'action', type: 'project_audit_action', value: (r) => r.action },
    { column: 'from_status', type: 'project_status', value: (r) => r.fromStatus },
    { column: 'to_status', type: 'project_status', value: (r) => r.toStatus },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const engagement: TableSpec<EngagementRow> = {
  table: 'engagement',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'project_id', type: 'uuid', value: (r) => r.projectId },
    { column: 'participant_id', type: 'uuid', value: (r) => r.participantId },
    { column: 'motivation', type: 'text', value: (r) => r.motivation },
    { column: 'status', type: 'engagement_status', value: (r) => r.status },
    {
      column: 'interview',
      type: 'text',
      castEach: 'jsonb',
      value: (r) => (r.interview ? JSON.stringify(r.interview) : null),
    },
    {
      column: 'terms',
      type: 'text',
      castEach: 'jsonb',
      value: (r) => (r.terms ? JSON.stringify(r.terms) : null),
    },
    { column: 'status_reason', type: 'text', value: (r) => r.statusReason },
    { column: 'status_changed_at', type: 'timestamptz', value: (r) => r.statusChangedAt },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

// The id is an identity column: rows get theirs in the order written.
const engagementEvent: TableSpec<EngagementEventRow> = {
  table: 'engagement_event',
  columns: [
    { column: 'engagement_id', type: 'uuid', value: (r) => r.engagementId },
    { column: 'actor_id', type: 'uuid', value: (r) => r.actorId },
    { column: 'action', type: 'engagement_action', value: (r) => r.action },
    { column: 'from_status', type: 'engagement_status', value: (r) => r.fromStatus },
    { column: 'to_status', type: 'engagement_status', value: (r) => r.toStatus },
    { column: 'reason', type: 'text', value: (r) => r.reason },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const checkIn: TableSpec<CheckInRow> = {
  table: 'engagement_check_in',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'engagement_id', type: 'uuid', value: (r) => r.engagementId },
    { column: 'participant_id', type: 'uuid', value: (r) => r.participantId },
    { column: 'summary', type: 'text', value: (r) => r.summary },
    { column: 'hours', type: 'numeric', value: (r) => r.hours },
    { column: 'mood', type: 'smallint', value: (r) => r.mood },
    { column: 'blocked', type: 'bool', value: (r) => r.blocked },
    { column: 'approved_at', type: 'timestamptz', value: (r) => r.approvedAt },
    { column: 'approved_by_id', type: 'uuid', value: (r) => r.approvedById },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const milestone: TableSpec<MilestoneRow> = {
  table: 'engagement_milestone',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'engagement_id', type: 'uuid', value: (r) => r.engagementId },
    { column: 'title', type: 'text', value: (r) => r.title },
    { column: 'due_date', type: 'date', value: (r) => r.dueDate },
    { column: 'done_at', type: 'timestamptz', value: (r) => r.doneAt },
    { column: 'created_by_id', type: 'uuid', value: (r) => r.createdById },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const feedback: TableSpec<FeedbackRow> = {
  table: 'engagement_feedback',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'engagement_id', type: 'uuid', value: (r) => r.engagementId },
    { column: 'side', type: 'engagement_feedback_side', value: (r) => r.side },
    { column: 'rating', type: 'smallint', value: (r) => r.rating },
    { column: 'comment', type: 'text', value: (r) => r.comment },
    { column: 'author_id', type: 'uuid', value: (r) => r.authorId },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const followUp: TableSpec<FollowUpRow> = {
  table: 'follow_up',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'engagement_id', type: 'uuid', value: (r) => r.engagementId },
    { column: 'due_months', type: 'smallint', value: (r) => r.dueMonths },
    { column: 'due_at', type: 'timestamptz', value: (r) => r.dueAt },
    {
      column: 'outcomes',
      type: 'text',
      castEach: 'follow_up_outcome[]',
      value: (r) => (r.outcomes ? rowArrayLiteral(r.outcomes) : null),
    },
    { column: 'note', type: 'text', value: (r) => r.note },
    { column: 'recorded_by_id', type: 'uuid', value: (r) => r.recordedById },
    { column: 'recorded_at', type: 'timestamptz', value: (r) => r.recordedAt },
    { column: 'notified_at', type: 'timestamptz', value: (r) => r.notifiedAt },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const conversation: TableSpec<ConversationRow> = {
  table: 'conversation',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'engagement_id', type: 'uuid', value: (r) => r.engagementId },
    { column: 'project_id', type: 'uuid', value: (r) => r.projectId },
    { column: 'participant_id', type: 'uuid', value: (r) => r.participantId },
    { column: 'message_count', type: 'int', value: (r) => r.messageCount },
    { column: 'last_message_at', type: 'timestamptz', value: (r) => r.lastMessageAt },
    { column: 'last_activity_at', type: 'timestamptz', value: (r) => r.lastActivityAt },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const message: TableSpec<MessageRow> = {
  table: 'conversation_message',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'conversation_id', type: 'uuid', value: (r) => r.conversationId },
    { column: 'seq', type: 'int', value: (r) => r.seq },
    { column: 'author_id', type: 'uuid', value: (r) => r.authorId },
    { column: 'author_role', type: 'conversation_role', value: (r) => r.authorRole },
    { column: 'body', type: 'text', value: (r) => r.body },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

const notification: TableSpec<NotificationRow> = {
  table: 'notification',
  columns: [
    { column: 'id', type: 'uuid', value: (r) => r.id },
    { column: 'recipient_id', type: 'uuid', value: (r) => r.recipientId },
    { column: 'event_key', type: 'text', value: (r) => r.eventKey },
    { column: 'type', type: 'text', value: (r) => r.type },
    { column: 'title', type: 'text', value: (r) => r.title },
    { column: 'body', type: 'text', value: (r) => r.body },
    { column: 'data', type: 'text', castEach: 'jsonb', value: (r) => JSON.stringify(r.data) },
    { column: 'facts', type: 'text', castEach: 'jsonb', value: (r) => JSON.stringify(r.facts) },
    { column: 'audience', type: 'text', value: (r) => r.audience },
    { column: 'read_at', type: 'timestamptz', value: (r) => r.readAt },
    { column: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

export interface TableLoad {
  table: string;
  write(runner: SqlRunner, data: SyntheticDataset): Promise<WriteResult>;
}

const load = <R>(
  spec: TableSpec<R>,
  rows: (data: SyntheticDataset) => readonly R[],
  batchSize = 5000,
): TableLoad => ({
  table: spec.table,
  write: (runner, data) => writeRows(runner, spec, rows(data), batchSize),
});

// In foreign-key order: every table after the tables it references.
export const SYNTHETIC_TABLES: readonly TableLoad[] = [
  load(organization, (d) => d.organizations),
  load(user, (d) => d.users),
  load(membership, (d) => d.memberships),
  load(remitArea, (d) => d.remitAreas),
  load(program, (d) => d.programs),
  load(participantProfile, (d) => d.participantProfiles),
  load(participantSkill, (d) => d.participantSkills, 10_000),
  load(project, (d) => d.projects),
  load(projectSkill, (d) => d.projectSkills, 10_000),
  load(projectAuditEntry, (d) => d.projectAuditEntries, 10_000),
  // A year of engagements (only with the activity option; empty otherwise).
  load(engagement, (d) => d.engagements),
  load(engagementEvent, (d) => d.engagementEvents, 10_000),
  load(checkIn, (d) => d.checkIns, 10_000),
  load(milestone, (d) => d.milestones, 10_000),
  load(feedback, (d) => d.feedback, 10_000),
  load(followUp, (d) => d.followUps, 10_000),
  load(conversation, (d) => d.conversations, 10_000),
  load(message, (d) => d.messages, 10_000),
  load(notification, (d) => d.notifications, 10_000),
];
