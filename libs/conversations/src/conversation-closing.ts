import { EngagementStatus } from '@tsunagu/engagements';
import { ProjectStatus } from '@tsunagu/projects';

// Engagements that ended without going ahead.
const ENDED: readonly EngagementStatus[] = [
  EngagementStatus.DECLINED,
  EngagementStatus.WITHDRAWN,
  EngagementStatus.CANCELLED,
];

// A thread is closed, read-only for everyone, once its engagement is over for good: ended
// without going ahead (declined, withdrawn, cancelled), or completed with its project archived
// since. A completed engagement's thread stays open while its project lives, for what follows it.
// A scout offer's thread never closes: an engagement's takes over once the offer is accepted.
export function isThreadClosed(thread: {
  engagementStatus: EngagementStatus | null;
  projectStatus: ProjectStatus;
}): boolean {
  const status = thread.engagementStatus;
  if (status === null) return false;
  return (
    ENDED.includes(status) ||
    (status === EngagementStatus.COMPLETED && thread.projectStatus === ProjectStatus.ARCHIVED)
  );
}
