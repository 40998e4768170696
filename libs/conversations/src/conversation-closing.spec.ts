import { EngagementStatus } from '@tsunagu/engagements';
import { ProjectStatus } from '@tsunagu/projects';
import { isThreadClosed } from './conversation-closing';

describe('isThreadClosed', () => {
  const closed = (engagementStatus: EngagementStatus | null, projectStatus: ProjectStatus) =>
    isThreadClosed({ engagementStatus, projectStatus });

  it('closes the thread of an engagement that ended without going ahead', () => {
    for (const status of [
      EngagementStatus.DECLINED,
      EngagementStatus.WITHDRAWN,
      EngagementStatus.CANCELLED,
    ]) {
      expect(closed(status, ProjectStatus.PUBLISHED)).toBe(true);
    }
  });

  it('keeps a completed engagement’s thread open until its project is archived', () => {
    expect(closed(EngagementStatus.COMPLETED, ProjectStatus.PUBLISHED)).toBe(false);
    expect(closed(EngagementStatus.COMPLETED, ProjectStatus.CLOSED)).toBe(false);
    expect(closed(EngagementStatus.COMPLETED, ProjectStatus.ARCHIVED)).toBe(true);
  });

  it('keeps threads of engagements under way, and of scout offers, open', () => {
    for (const status of [
      EngagementStatus.SUBMITTED,
      EngagementStatus.INTERVIEW,
      EngagementStatus.ACCEPTED,
      EngagementStatus.APPROVED,
      EngagementStatus.ACTIVE,
    ]) {
      expect(closed(status, ProjectStatus.CLOSED)).toBe(false);
    }
    expect(closed(null, ProjectStatus.ARCHIVED)).toBe(false);
  });
});
