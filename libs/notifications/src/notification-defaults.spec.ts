import { RecipientRole } from '@tsunagu/core';
import { NOTIFICATION_EVENT_TYPES } from './notified-events';
import { DeliveryChannel, DeliveryMode } from './delivery-kinds';
import { allowedModes, defaultMode } from './notification-defaults';

describe('defaultMode', () => {
  it('shows everything in-app at once, whatever the role', () => {
    for (const type of NOTIFICATION_EVENT_TYPES) {
      for (const role of Object.values(RecipientRole)) {
        expect(defaultMode(role, type, DeliveryChannel.IN_APP)).toBe(DeliveryMode.IMMEDIATELY);
      }
    }
  });

  it('mails participants at once about what needs their answer', () => {
    const mode = (type: (typeof NOTIFICATION_EVENT_TYPES)[number]) =>
      defaultMode(RecipientRole.PARTICIPANT, type, DeliveryChannel.EMAIL);
    expect(mode('SCOUT_OFFER_RECEIVED')).toBe(DeliveryMode.IMMEDIATELY);
    expect(mode('ENGAGEMENT_STATUS_CHANGED')).toBe(DeliveryMode.IMMEDIATELY);
    expect(mode('APPLICATION_SUBMITTED')).toBe(DeliveryMode.OFF);
  });

  it('gathers the routine of intermediaries into the daily digest', () => {
    expect(defaultMode(RecipientRole.INTERMEDIARY, 'ENGAGEMENT_STALE', DeliveryChannel.EMAIL)).toBe(
      DeliveryMode.DAILY_DIGEST,
    );
    expect(defaultMode(RecipientRole.INTERMEDIARY, 'ALLOCATION_READY', DeliveryChannel.EMAIL)).toBe(
      DeliveryMode.IMMEDIATELY,
    );
    expect(defaultMode(RecipientRole.REGION, 'APPLICATION_SUBMITTED', DeliveryChannel.EMAIL)).toBe(
      DeliveryMode.IMMEDIATELY,
    );
  });

  it('offers no digest in-app', () => {
    expect(allowedModes(DeliveryChannel.IN_APP)).not.toContain(DeliveryMode.DAILY_DIGEST);
    expect(allowedModes(DeliveryChannel.EMAIL)).toContain(DeliveryMode.DAILY_DIGEST);
  });
});
