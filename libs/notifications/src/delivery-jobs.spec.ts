import { DeliveryChannel } from './delivery-kinds';
import { jobsFor, type PendingDelivery } from './notification-fan-out.service';

const delivery = (
  eventId: string,
  n: number,
  channel = DeliveryChannel.EMAIL,
): PendingDelivery => ({ id: `${eventId}-d${String(n).padStart(3, '0')}`, eventId, channel });

const idsOf = (jobs: ReturnType<typeof jobsFor>) =>
  jobs.map((j) => (j.payload as { deliveryIds: string[] }).deliveryIds);

describe('the delivery jobs of a fanned-out batch', () => {
  it("sends the batch's e-mails together, whatever their events, in the order given", () => {
    const jobs = jobsFor([delivery('a', 1), delivery('a', 2), delivery('b', 1)]);
    expect(jobs.map((j) => j.jobName)).toEqual(['deliver.email']);
    expect(idsOf(jobs)).toEqual([['a-d001', 'a-d002', 'b-d001']]);
  });

  it('keeps in-app deliveries the fan-out could not store to one job per event', () => {
    const jobs = jobsFor([
      delivery('a', 1, DeliveryChannel.IN_APP),
      delivery('b', 1, DeliveryChannel.IN_APP),
      delivery('a', 2, DeliveryChannel.IN_APP),
      delivery('b', 2),
    ]);
    expect(
      jobs.map((j) => [j.jobName, (j.payload as { deliveryIds: string[] }).deliveryIds]),
    ).toEqual([
      ['deliver.email', ['b-d002']],
      ['deliver.in-app', ['a-d001', 'a-d002']],
      ['deliver.in-app', ['b-d001']],
    ]);
  });

  it('names a job after its deliveries: the same deliveries give the same id, others another', () => {
    const batch = [delivery('a', 1), delivery('b', 1), delivery('a', 2, DeliveryChannel.IN_APP)];
    const again = jobsFor(batch);
    expect(again.map((j) => j.jobId)).toEqual(jobsFor(batch).map((j) => j.jobId));
    expect(new Set(again.map((j) => j.jobId)).size).toBe(again.length);
    // A replay that finds one e-mail already sent queues a job of its own for the rest.
    expect(jobsFor([delivery('b', 1)])[0].jobId).not.toBe(again[0].jobId);
    for (const { jobId } of again) expect(jobId).toMatch(/^delivery\.[0-9a-f]{32}$/);
  });

  it("puts up to 25 e-mails in a job, and up to 100 of an event's in-app deliveries", () => {
    const many = [
      ...Array.from({ length: 40 }, (_, i) => delivery('a', i)),
      ...Array.from({ length: 20 }, (_, i) => delivery('b', i)),
      ...Array.from({ length: 150 }, (_, i) => delivery('c', i, DeliveryChannel.IN_APP)),
    ];
    expect(jobsFor(many).map((j) => [j.jobName, idsOf([j])[0].length])).toEqual([
      ['deliver.email', 25],
      ['deliver.email', 25],
      ['deliver.email', 10],
      ['deliver.in-app', 100],
      ['deliver.in-app', 50],
    ]);
  });

  it("marks every job as the fan-out's own run of its deliveries", () => {
    const jobs = jobsFor([delivery('a', 1), delivery('a', 2, DeliveryChannel.IN_APP)]);
    for (const job of jobs) expect(job.payload).toMatchObject({ retries: 0 });
  });
});
