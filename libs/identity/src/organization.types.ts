// Re-exported so pure modules (policy, actor) need not import TypeORM entities.
export { OrganizationKind } from './organization.entity';
export { MembershipRole } from './membership.entity';
