import { AuthResolver } from './identity/auth.resolver';
import { MeResolver } from './identity/me.resolver';
import { OrganizationResolver } from './identity/organization.resolver';
import { NotificationResolver } from './notifications/notification.resolver';
import { ParticipantResolver } from './participants/participant.resolver';
import { ProjectResolver } from './projects/project.resolver';

export const API_RESOLVERS = [
  AuthResolver,
  MeResolver,
  OrganizationResolver,
  ProjectResolver,
  ParticipantResolver,
  NotificationResolver,
];
