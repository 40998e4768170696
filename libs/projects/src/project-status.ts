// Where a project stands in its lifecycle (project-lifecycle.ts moves it), in a file of its own so
// the pure rules load without the entity and the contexts it joins.
export enum ProjectStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
}
