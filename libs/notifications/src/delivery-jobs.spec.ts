import { DeliveryChannel } from './delivery-kinds';
import { jobsFor, type PendingDelivery } from './notification-fan-out.service';

const delivery = (
  eventId: string,
  n: number,
  channel = DeliveryChannel.EMAIL,
): PendingDelivery => ({ id: `${eventId}-d${String(n).padStart(3, '0')}`, eventId, channel });

describe('the delivery jobs of a fanned-out batch', () => {
  it("never mixes two events' deliveries in one job: one bad e-mail fails only its own event", () => {
    const jobs = jobsFor([delivery('a', 1), delivery('b', 1), delivery('a', 2)]);
    const payloads = jobs.map((j) => (j.payload as { deliveryIds: string[] }).deliveryIds);
    expect(payloads).toEqual([['a-d001', 'a-d002'], ['b-d001']]);
  });

  it('gives an event the same job ids whichever batch it was fanned out in', () => {
    const alone = jobsFor([delivery('a', 1), delivery('a', 2, DeliveryChannel.IN_APP)]);
    const together = jobsFor([
      delivery('b', 1),
      delivery('a', 1),
      delivery('a', 2, DeliveryChannel.IN_APP),
    ]);
    const idsOf = (jobs: typeof alone, eventId: string) =>
      jobs
        .filter((j) => (j.payload as { deliveryIds: string[] }).deliveryIds[0].startsWith(eventId))
        .map((j) => j.jobId);
    expect(idsOf(together, 'a')).toEqual(idsOf(alone, 'a'));
    expect(new Set(together.map((j) => j.jobId)).size).toBe(together.length);
  });

  it('splits an event of many deliveries into chunks of 100 per channel', () => {
    const many = Array.from({ length: 250 }, (_, i) => delivery('a', i));
    const jobs = jobsFor(many);
    expect(jobs.map((j) => (j.payload as { deliveryIds: string[] }).deliveryIds.length)).toEqual([
      100, 100, 50,
    ]);
  });
});
