import { webhookLinks } from './webhook-links';

describe('webhookLinks', () => {
  it('keeps the deprecated applicationId beside engagementId', () => {
    expect(webhookLinks({ engagementId: 'e1', projectId: 'p1' })).toEqual({
      engagementId: 'e1',
      applicationId: 'e1',
      projectId: 'p1',
    });
  });

  it('leaves links without an engagement as they are', () => {
    expect(webhookLinks({ projectId: 'p1' })).toEqual({ projectId: 'p1' });
  });
});
