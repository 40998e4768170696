import { toProjectType } from '@tsunagu/projects';
import type { Application } from './application.entity';
import type { ApplicationType } from './engagement.types';

// Expects project and participant (with user) loaded.
export function toApplicationType(application: Application): ApplicationType {
  const profile = application.participant!;
  return {
    id: application.id,
    project: toProjectType(application.project!),
    applicant: {
      userId: profile.userId,
      displayName: profile.user!.displayName,
      kind: profile.kind,
    },
    motivation: application.motivation,
    status: application.status,
    createdAt: application.createdAt,
  };
}
