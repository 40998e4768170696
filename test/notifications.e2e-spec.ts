import { randomUUID } from 'node:crypto';
import { JOBS, QueueService } from '@tsunagu/core';
import {
  DigestService,
  EmailDeliveryService,
  InAppDeliveryService,
  LiveNotifications,
  markExhausted,
  NotificationFanOut,
  NotificationService,
} from '@tsunagu/notifications';
import { createClient } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { isAccountMail, isReviewMail, SmtpCatcher, startSmtpCatcher } from './support/smtp-catcher';
import { drained, eventually, startTestPlatform, TestPlatform } from './support/test-platform';
import { WebhookReceiver } from './support/webhook-receiver';

// The notification pipeline end to end: domain events through the outbox, fan-out per recipient
// and channel by preference, in-app and e-mail deliveries with retries and the dead-letter state,
// and daily digests per time zone, against a real SMTP server.
describe('notifications', () => {
  let platform: TestPlatform;
  let smtp: SmtpCatcher;
  let f: Fixtures;
  let admin: Person;

  beforeAll(async () => {
    // Mailboxes whose name starts with "gone-" do not exist: refused for good at RCPT TO.
    smtp = await startSmtpCatcher({
      refuseRecipient: (address) => address.startsWith('gone-'),
      ignore: (message) => isAccountMail(message) || isReviewMail(message),
    });
    platform = await startTestPlatform({
      worker: true,
      env: {
        SMTP_URL: smtp.url,
        DELIVERY_RETRY_BASE_MS: '50',
        DIGEST_HOUR: '9',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      },
    });
    f = new Fixtures(platform);
    admin = await f.admin();
  });

  afterAll(async () => {
    await platform?.close();
    await smtp?.close();
  });

  beforeEach(() => smtp.clear());

  // A region (one Japanese-speaking and one English-speaking staff member), its intermediary and
  // a published project.
  async function scene(code: string) {
    const s = await f.supervisedRegion({
      admin,
      municipalityCode: code,
      remit: 'municipality',
      regionStaff: [`staff-${code}`, [`staff-en-${code}`, 'en']],
      hubStaff: [`hub-${code}`],
      project: { title: `棚田の援農 ${code}` },
    });
    const [staff, staffEn] = s.regionTeam;
    // Publishing the project told its review to both sides: read before the test begins.
    await drained(platform);
    for (const person of [staff, staffEn, s.hubStaff]) {
      expectData(await platform.gql(`mutation { markAllNotificationsRead }`, {}, person.token));
    }
    return { staff, staffEn, hub: s.hubStaff, regionId: s.regionId, projectId: s.projectId };
  }

  async function apply(participant: Person, projectId: string): Promise<string> {
    return expectData(
      await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId, motivation: '棚田の援農に参加したいです。' } },
        participant.token,
      ),
    ).applyToProject.id;
  }

  const deliveriesOf = (eventKey: string) =>
    platform.dataSource.query(
      `SELECT d.id, d.recipient_id, d.channel, d.mode, d.status, d.attempts, d.last_error
         FROM notification_delivery d JOIN notification_event e ON e.id = d.event_id
        WHERE e.key = $1 ORDER BY d.recipient_id, d.channel`,
      [eventKey],
    );

  async function setPreference(person: Person, input: Record<string, unknown>) {
    return platform.gql(
      `mutation($input: NotificationPreferenceInput!) {
         setNotificationPreference(input: $input) { eventType channel mode isDefault } }`,
      { input },
      person.token,
    );
  }

  it('tells the region in-app and by e-mail, each person in their own language', async () => {
    const { staff, staffEn, hub, projectId } = await scene('152081');
    const participant = await f.participant('suzuki');
    const engagementId = await apply(participant, projectId);

    const mails = await smtp.waitFor(2);
    const byRecipient = new Map(mails.map((m) => [m.to, m]));
    const ja = byRecipient.get(staff.email)!;
    const en = byRecipient.get(staffEn.email)!;
    expect(ja.subject).toBe('【Tsunagu】「棚田の援農 152081」に新しい応募がありました');
    expect(ja.text).toContain('さんが「棚田の援農 152081」に応募しました');
    expect(ja.text).toContain(`/engagements/${engagementId}`);
    expect(ja.html).toContain('lang="ja"');
    expect(en.subject).toBe('[Tsunagu] New application to "棚田の援農 152081"');
    expect(en.messageId).toMatch(/^<delivery\.[0-9a-f-]{36}@tsunagu>$/);
    expect(en.headers['x-tsunagu-event']).toBe('APPLICATION_SUBMITTED');

    const inbox = platform.api.get(NotificationService);
    await eventually(async () => (await inbox.unreadCount(staffEn.id)) === 1);
    const [notification] = (await inbox.listMine(staffEn.id, { first: 5 }, false)).edges;
    expect(notification.node).toMatchObject({
      type: 'APPLICATION_SUBMITTED',
      title: 'New application to "棚田の援農 152081"',
      data: { projectId, engagementId },
    });
    expect(
      expectData(await platform.gql(`mutation { markAllNotificationsRead }`, {}, staffEn.token))
        .markAllNotificationsRead,
    ).toBe(1);
    expect(await inbox.unreadCount(staffEn.id)).toBe(0);
    // The intermediary is not told about every application; the participant knows already.
    expect(await inbox.unreadCount(hub.id)).toBe(0);
    expect(await inbox.unreadCount(participant.id)).toBe(0);
    const deliveries = await eventually(async () => {
      const rows = await deliveriesOf(`application-submitted.${engagementId}`);
      return rows.length === 4 && rows.every((r: any) => r.status === 'SENT') && rows;
    });
    expect(deliveries.map((d: any) => d.channel).sort()).toEqual([
      'EMAIL',
      'EMAIL',
      'IN_APP',
      'IN_APP',
    ]);
  });

  it('sends each e-mail and stores each in-app notification once, even when jobs run again', async () => {
    const { staff, projectId } = await scene('152099');
    await setPreference(staff, {
      eventType: 'APPLICATION_SUBMITTED',
      channel: 'EMAIL',
      mode: 'IMMEDIATELY',
    });
    const participant = await f.participant('kato');
    // The SMTP server refuses twice (451, try later): the third attempt is accepted.
    smtp.failNext(2);
    const engagementId = await apply(participant, projectId);
    const key = `application-submitted.${engagementId}`;
    const sent = await eventually(async () => {
      const rows = await deliveriesOf(key);
      const mail = rows.find((r: any) => r.recipient_id === staff.id && r.channel === 'EMAIL');
      return mail?.status === 'SENT' && rows;
    });
    const mail = sent.find((r: any) => r.recipient_id === staff.id && r.channel === 'EMAIL');
    // Two refusals between the two staff members' e-mails, then one acceptance each.
    await eventually(async () => {
      const mails = (await deliveriesOf(key)).filter((r: any) => r.channel === 'EMAIL');
      return mails.every((r: any) => r.status === 'SENT') && mails;
    });
    const attempts = (await deliveriesOf(key))
      .filter((r: any) => r.channel === 'EMAIL')
      .reduce((sum: number, r: any) => sum + r.attempts, 0);
    expect(attempts).toBe(4);
    expect(smtp.refusedCount).toBe(2);
    const inApp = sent.find((r: any) => r.recipient_id === staff.id && r.channel === 'IN_APP');

    // Forced re-runs of finished jobs, as after a crash before BullMQ heard of the success.
    const queue = platform.api.get(QueueService).queue(JOBS['deliver.email'].queue);
    await queue.add('deliver.email', { deliveryId: mail.id }, { jobId: `rerun-${mail.id}` });
    await queue.add('deliver.in-app', { deliveryId: inApp.id }, { jobId: `rerun-${inApp.id}` });
    await eventually(async () => (await queue.getJobState(`rerun-${mail.id}`)) === 'completed');
    await eventually(async () => (await queue.getJobState(`rerun-${inApp.id}`)) === 'completed');

    expect(smtp.messages.filter((m) => m.to === staff.email)).toHaveLength(1);
    const stored = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE event_key = $1 AND recipient_id = $2`,
      [key, staff.id],
    );
    expect(stored[0].n).toBe(1);
  });

  it('dead-letters a delivery after its last attempt; an admin sees it and sends it again', async () => {
    const { staff, projectId } = await scene('152102');
    const participant = await f.participant('ito');
    // Every attempt of both staff members' e-mails is refused.
    smtp.failNext(2 * JOBS['deliver.email'].attempts);
    const engagementId = await apply(participant, projectId);
    const key = `application-submitted.${engagementId}`;
    const dead = await eventually(async () => {
      const rows = await deliveriesOf(key);
      return rows.find((r: any) => r.recipient_id === staff.id && r.status === 'DEAD');
    });
    expect(dead).toMatchObject({ channel: 'EMAIL', attempts: JOBS['deliver.email'].attempts });
    expect(dead.last_error).toMatch(/451/);

    const list = `query { notificationDeliveries(status: DEAD, channel: EMAIL, first: 50) {
      edges { node { id eventKey eventType status attempts lastError } } } }`;
    expect(rejection(await platform.gql(list, {}, staff.token)).extensions.code).toBe('FORBIDDEN');
    const listed = expectData(await platform.gql(list, {}, admin.token)).notificationDeliveries;
    expect(listed.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ id: dead.id, eventKey: key, eventType: 'APPLICATION_SUBMITTED' }),
    );

    const retry = `mutation($id: ID!) { retryNotificationDelivery(id: $id) { id status retries } }`;
    expect(
      expectData(await platform.gql(retry, { id: dead.id }, admin.token)).retryNotificationDelivery,
    ).toEqual({ id: dead.id, status: 'PENDING', retries: 1 });
    await smtp.waitFor(1);
    expect(smtp.messages.map((m) => m.to)).toContain(staff.email);
    await eventually(async () => {
      const rows = await deliveriesOf(key);
      return rows.find((r: any) => r.id === dead.id)?.status === 'SENT';
    });
    // Only dead deliveries are retried.
    const again = rejection(await platform.gql(retry, { id: dead.id }, admin.token));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATUS' });
    expect(again.message).toBe('Only a DEAD delivery can be retried; this one is SENT');
  });

  it("treats an admin's retry of a dead e-mail as a run of its own: a job of the earlier run neither sends it nor dead-letters it again", async () => {
    const { staff, projectId } = await scene('153851');
    const engagementId = await apply(await f.participant('kudo'), projectId);
    const key = `application-submitted.${engagementId}`;
    const mail = await eventually(async () =>
      (await deliveriesOf(key)).find(
        (r: any) => r.recipient_id === staff.id && r.channel === 'EMAIL' && r.status === 'SENT',
      ),
    );
    await drained(platform);
    // Dead, as if its server had refused it for good while a shared job went on retrying others.
    await platform.dataSource.query(
      `UPDATE notification_delivery SET status = 'DEAD' WHERE id = $1`,
      [mail.id],
    );
    const worker = platform.worker!;
    const queue = worker.get(QueueService).queue('notifications');
    await queue.pause();
    try {
      const retry = `mutation($id: ID!) { retryNotificationDelivery(id: $id) { status retries } }`;
      expect(
        expectData(await platform.gql(retry, { id: mail.id }, admin.token))
          .retryNotificationDelivery,
      ).toEqual({ status: 'PENDING', retries: 1 });
      // The earlier run's job, at its last attempt: nothing of the new run is its to send...
      const lastAttempt = { attempt: 6, maxAttempts: 6, isFinal: true };
      expect(
        await worker.get(EmailDeliveryService).deliver({ ids: [mail.id], retries: 0 }, lastAttempt),
      ).toEqual({ sent: 0, failed: 0 });
      // ...nor, once BullMQ gives it up, to dead-letter.
      await markExhausted(
        platform.dataSource,
        'notification_delivery',
        [mail.id],
        new Error('the earlier run gave up'),
        0,
      );
      const [row] = (await deliveriesOf(key)).filter((r: any) => r.id === mail.id);
      expect(row).toMatchObject({ status: 'PENDING', last_error: null });
    } finally {
      await queue.resume();
    }
    // The admin's retry sends it.
    await eventually(async () => {
      const rows = await deliveriesOf(key);
      return rows.find((r: any) => r.id === mail.id)?.status === 'SENT';
    });
    expect(
      smtp.messages.filter((m) => m.messageId === `<delivery.${mail.id}@tsunagu>`),
    ).toHaveLength(2);
  });

  it('follows each person’s preferences, with defaults per role', async () => {
    const { staff, projectId } = await scene('152111');
    const participant = await f.participant('mori');
    const settings = expectData(
      await platform.gql(
        `query { myNotificationPreferences { eventType channel mode isDefault } }`,
        {},
        participant.token,
      ),
    ).myNotificationPreferences;
    expect(settings).toContainEqual({
      eventType: 'SCOUT_OFFER_RECEIVED',
      channel: 'EMAIL',
      mode: 'IMMEDIATELY',
      isDefault: true,
    });
    const staffSettings = expectData(
      await platform.gql(
        `query { myNotificationPreferences { eventType channel mode } }`,
        {},
        staff.token,
      ),
    ).myNotificationPreferences;
    expect(staffSettings).toContainEqual({
      eventType: 'APPLICATION_SUBMITTED',
      channel: 'EMAIL',
      mode: 'IMMEDIATELY',
    });

    // A digest is an e-mail thing: refused in-app, and nothing is stored.
    const bad = rejection(
      await setPreference(staff, {
        eventType: 'APPLICATION_SUBMITTED',
        channel: 'IN_APP',
        mode: 'DAILY_DIGEST',
      }),
    );
    expect(bad.extensions.fields).toEqual([
      { path: ['input', 'mode'], message: 'must be one of IMMEDIATELY, OFF for IN_APP' },
    ]);
    expect(
      await platform.dataSource.query(`SELECT 1 FROM notification_preference WHERE user_id = $1`, [
        staff.id,
      ]),
    ).toHaveLength(0);

    expect(
      expectData(
        await setPreference(staff, {
          eventType: 'APPLICATION_SUBMITTED',
          channel: 'EMAIL',
          mode: 'OFF',
        }),
      ).setNotificationPreference,
    ).toEqual({
      eventType: 'APPLICATION_SUBMITTED',
      channel: 'EMAIL',
      mode: 'OFF',
      isDefault: false,
    });
    const engagementId = await apply(participant, projectId);
    const rows = await eventually(async () => {
      const found = await deliveriesOf(`application-submitted.${engagementId}`);
      return found.length === 3 && found.every((r: any) => r.status === 'SENT') && found;
    });
    // In-app for both staff, e-mail only for the one who did not switch it off.
    expect(rows.filter((r: any) => r.recipient_id === staff.id).map((r: any) => r.channel)).toEqual(
      ['IN_APP'],
    );

    // Null returns to the default.
    expect(
      expectData(
        await setPreference(staff, {
          eventType: 'APPLICATION_SUBMITTED',
          channel: 'EMAIL',
          mode: null,
        }),
      ).setNotificationPreference,
    ).toMatchObject({ mode: 'IMMEDIATELY', isDefault: true });
  });

  it('gathers digest items into one e-mail per person once their local digest hour has come', async () => {
    const { staff, staffEn, projectId } = await scene('152129');
    const digestAll = async (person: Person) =>
      expectData(
        await setPreference(person, {
          eventType: 'APPLICATION_SUBMITTED',
          channel: 'EMAIL',
          mode: 'DAILY_DIGEST',
        }),
      );
    await digestAll(staff);
    await digestAll(staffEn);
    expectData(
      await platform.gql(
        `mutation { updateMySettings(input: { timeZone: "America/New_York" }) { timeZone } }`,
        {},
        staffEn.token,
      ),
    );
    const badZone = rejection(
      await platform.gql(
        `mutation { updateMySettings(input: { timeZone: "Mars/Olympus" }) { timeZone } }`,
        {},
        staffEn.token,
      ),
    );
    expect(badZone.extensions.fields).toEqual([
      { path: ['input', 'timeZone'], message: 'must be an IANA time zone such as "Asia/Tokyo"' },
    ]);

    const first = await apply(await f.participant('sato'), projectId);
    const second = await apply(await f.participant('abe'), projectId);
    await eventually(async () => {
      const rows = [
        ...(await deliveriesOf(`application-submitted.${first}`)),
        ...(await deliveriesOf(`application-submitted.${second}`)),
      ].filter((r: any) => r.channel === 'EMAIL');
      return rows.length === 4 && rows.every((r: any) => r.status === 'IN_DIGEST');
    });
    expect(smtp.messages).toHaveLength(0);

    const digests = platform.worker!.get(DigestService);
    // 23:00 UTC: 08:00 the next day in Tokyo (before the 09:00 digest hour), 18:00 in New York.
    expect(await digests.gather(new Date('2026-11-27T23:00:00Z'))).toBe(1);
    const [english] = await smtp.waitFor(1);
    expect(english.to).toBe(staffEn.email);
    expect(english.subject).toBe('Your Tsunagu digest: 2 updates');
    expect(english.text).toContain('Nov');
    // 00:30 UTC: 09:30 in Tokyo. New York already had its digest for the 27th.
    expect(await digests.gather(new Date('2026-11-28T00:30:00Z'))).toBe(1);
    const all = await smtp.waitFor(2);
    const japanese = all.find((m) => m.to === staff.email)!;
    expect(japanese.subject).toBe('【Tsunagu】本日のお知らせ（2件）');
    expect(japanese.text).toContain('2026年11月28日');
    expect(await digests.gather(new Date('2026-11-28T01:00:00Z'))).toBe(0);

    // The server accepts before the worker records it: wait for the records.
    const stored = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT recipient_id, local_date::text, time_zone, status FROM notification_digest
          WHERE recipient_id = ANY($1) ORDER BY time_zone`,
        [[staff.id, staffEn.id]],
      );
      return rows.every((r: any) => r.status === 'SENT') && rows;
    });
    expect(stored).toEqual([
      {
        recipient_id: staffEn.id,
        local_date: '2026-11-27',
        time_zone: 'America/New_York',
        status: 'SENT',
      },
      { recipient_id: staff.id, local_date: '2026-11-28', time_zone: 'Asia/Tokyo', status: 'SENT' },
    ]);
    await eventually(async () => {
      const rows = (await deliveriesOf(`application-submitted.${first}`)).filter(
        (r: any) => r.channel === 'EMAIL',
      );
      return rows.every((r: any) => r.status === 'SENT');
    });
  });

  it("reaches every channel from real steps: a live subscription on another instance, and the organisations' webhooks", async () => {
    const { staff, hub, regionId, projectId } = await scene('152137');
    const hubId = (
      await platform.dataSource.query(
        `SELECT organization_id AS id FROM membership WHERE user_id = $1`,
        [hub.id],
      )
    )[0].id;
    const regionHook = await WebhookReceiver.start();
    const hubHook = await WebhookReceiver.start();
    const register = async (
      organizationId: string,
      receiver: WebhookReceiver,
      eventTypes: string[],
    ) => {
      const created = expectData(
        await platform.gql(
          `mutation($input: CreateWebhookEndpointInput!) {
             createWebhookEndpoint(input: $input) { secret endpoint { id } } }`,
          { input: { organizationId, url: receiver.url, eventTypes } },
          admin.token,
        ),
      ).createWebhookEndpoint;
      receiver.useSecret(created.secret);
    };
    await register(regionId, regionHook, ['APPLICATION_SUBMITTED']);
    await register(hubId, hubHook, ['ENGAGEMENT_STATUS_CHANGED']);

    // The participant listens on a second API instance; the worker publishes through Redis.
    const participant = await f.participant('nakamura');
    const other = await platform.startApi();
    const client = createClient({
      url: other.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${participant.token}` },
      retryAttempts: 0,
    });
    const received: any[] = [];
    const stop = client.subscribe(
      { query: 'subscription { notificationAdded { type title engagementId } }' },
      {
        next: (r) => received.push(r.data?.notificationAdded),
        error: () => {},
        complete: () => {},
      },
    );
    const redis = new Redis(process.env.REDIS_URL!);
    const channel = platform.api.get(LiveNotifications).channelFor(participant.id);
    try {
      await eventually(async () => {
        const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
        return Number(count) === 1;
      });

      const engagementId = await apply(participant, projectId);
      const [submitted] = await eventually(() =>
        Promise.resolve(regionHook.calls.length > 0 && regionHook.calls),
      );
      expect(submitted.verification).toMatchObject({ valid: true });
      expect(submitted.json).toMatchObject({
        type: 'APPLICATION_SUBMITTED',
        key: `application-submitted.${engagementId}`,
        links: { projectId, engagementId },
      });

      expectData(
        await platform.gql(
          `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { status } }`,
          { input: { engagementId, action: 'ACCEPT' } },
          staff.token,
        ),
      );
      await eventually(() => Promise.resolve(received.length > 0));
      expect(received[0]).toEqual({
        type: 'ENGAGEMENT_STATUS_CHANGED',
        title: '「棚田の援農 152137」: 受入れ決定',
        engagementId,
      });
      const [changed] = await eventually(() =>
        Promise.resolve(hubHook.calls.length > 0 && hubHook.calls),
      );
      expect(changed.verification).toMatchObject({ valid: true });
      expect(changed.json).toMatchObject({
        type: 'ENGAGEMENT_STATUS_CHANGED',
        data: { fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED' },
      });
      // Each endpoint hears only the event types it registered for.
      expect(regionHook.calls).toHaveLength(1);
      expect(hubHook.calls).toHaveLength(1);
    } finally {
      stop();
      await client.dispose();
      redis.disconnect();
      await other.close();
      await regionHook.close();
      await hubHook.close();
    }
  });

  it("tells a company, by webhook, of its employees' applications", async () => {
    const { projectId } = await scene('152226');
    const owner = await f.signUp('hr-owner');
    const companyId = await f.company(admin, owner, 'みらいワークス');
    const hook = await WebhookReceiver.start();
    try {
      const created = expectData(
        await platform.gql(
          `mutation($input: CreateWebhookEndpointInput!) {
             createWebhookEndpoint(input: $input) { secret } }`,
          {
            input: {
              organizationId: companyId,
              url: hook.url,
              eventTypes: ['APPLICATION_SUBMITTED'],
            },
          },
          owner.token,
        ),
      ).createWebhookEndpoint;
      hook.useSecret(created.secret);
      const employee = await f.employee(admin, companyId, 'haruka');
      const engagementId = await apply(employee, projectId);
      const [call] = await eventually(() => Promise.resolve(hook.calls.length > 0 && hook.calls));
      expect(call.verification).toMatchObject({ valid: true });
      expect(call.json).toMatchObject({ key: `application-submitted.${engagementId}` });
      // A participant with no company brings no company call.
      await apply(await f.participant('ono'), projectId);
      await drained(platform);
      expect(hook.calls).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it('dead-letters a delivery whose jobs BullMQ gave up on, even when no run could record it', async () => {
    const { regionId } = await scene('152234');
    const hook = await WebhookReceiver.start();
    try {
      const endpointId = expectData(
        await platform.gql(
          `mutation($input: CreateWebhookEndpointInput!) {
             createWebhookEndpoint(input: $input) { endpoint { id } } }`,
          { input: { organizationId: regionId, url: hook.url, eventTypes: ['PROJECT_PAUSED'] } },
          admin.token,
        ),
      ).createWebhookEndpoint.endpoint.id;
      // A delivery some other run holds the lease on, and keeps holding: every attempt of this
      // job finds it taken and gives up without touching the row.
      const [event] = await platform.dataSource.query(
        `INSERT INTO notification_event (key, type, vars, occurred_at)
         VALUES ('project-paused.exhausted', 'PROJECT_PAUSED', '{}', now()) RETURNING id`,
      );
      const [delivery] = await platform.dataSource.query(
        `INSERT INTO webhook_delivery (endpoint_id, event_id, status, claimed_until)
         VALUES ($1, $2, 'PENDING', now() + interval '1 hour') RETURNING id`,
        [endpointId, event.id],
      );
      await platform.api
        .get(QueueService)
        .add('deliver.webhook', { deliveryId: delivery.id }, `exhausted-${delivery.id}`);
      const dead = await eventually(async () => {
        const [row] = await platform.dataSource.query(
          `SELECT status, last_error FROM webhook_delivery WHERE id = $1`,
          [delivery.id],
        );
        return row.status === 'DEAD' && row;
      }, 30_000);
      expect(dead.last_error).toMatch(/is being called by another job/);
      expect(hook.calls).toHaveLength(0);
    } finally {
      await hook.close();
    }
  });

  it('links a scout offer notification to the offer, and tells the region of the answer', async () => {
    const { staff, projectId } = await scene('152242');
    const participant = await f.participant('kudo');
    expectData(
      await f.saveProfile(participant, {
        kind: 'PRO_BONO',
        homeMunicipalityCode: '131130',
        visibility: 'INTERMEDIARIES_AND_REGIONS',
      }),
    );
    const offer = expectData(
      await platform.gql(
        `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }`,
        { input: { projectId, participantId: participant.id, message: 'ぜひ佐渡へ' } },
        staff.token,
      ),
    ).sendScoutOffer;
    const inboxOf = async (person: Person) =>
      expectData(
        await platform.gql(
          `{ myNotifications(first: 5) { edges { node { type body projectId scoutOfferId audience facts { name value } } } } }`,
          {},
          person.token,
        ),
      ).myNotifications.edges.map((e: any) => e.node);
    const [received] = await eventually(async () => {
      const nodes = await inboxOf(participant);
      return nodes.length > 0 && nodes;
    });
    expect(received).toMatchObject({
      type: 'SCOUT_OFFER_RECEIVED',
      projectId,
      scoutOfferId: offer.id,
      audience: 'PARTICIPANT',
    });
    expect(received.body).toContain('ぜひ佐渡へ');
    // The facts it was worded from, for the web app to word it in the language chosen now.
    expect(received.facts).toEqual(
      expect.arrayContaining([
        { name: 'message', value: 'ぜひ佐渡へ' },
        { name: 'project', value: expect.any(String) },
      ]),
    );
    const mail = await smtp.waitFor(1);
    expect(mail[0].to).toBe(participant.email);

    expectData(
      await platform.gql(
        `mutation($input: RespondToScoutOfferInput!) { respondToScoutOffer(input: $input) { status } }`,
        { input: { offerId: offer.id, response: 'DECLINE' } },
        participant.token,
      ),
    );
    const answered = await eventually(async () =>
      (await inboxOf(staff)).find((n: any) => n.type === 'SCOUT_OFFER_ANSWERED'),
    );
    expect(answered.body).toContain('今回は見送る');
    expect(answered.audience).toBe('REGION');
    expect(answered.facts).toContainEqual({ name: 'answer', value: 'DECLINED' });
  });

  it('dead-letters at once an e-mail the server refuses for good, without retrying it', async () => {
    const { projectId } = await scene('152251');
    const gone = await f.signUp('gone-staff');
    const regionId = (
      await platform.dataSource.query(
        `SELECT region_organization_id AS id FROM project WHERE id = $1`,
        [projectId],
      )
    )[0].id;
    await f.addMember(admin, regionId, gone);
    const engagementId = await apply(await f.participant('ueda'), projectId);
    const dead = await eventually(async () => {
      const rows = await deliveriesOf(`application-submitted.${engagementId}`);
      return rows.find(
        (r: any) => r.recipient_id === gone.id && r.channel === 'EMAIL' && r.status === 'DEAD',
      );
    });
    expect(dead.attempts).toBe(1);
    expect(dead.last_error).toMatch(/550/);
  });

  it('lets an admin list a dead digest and send it again', async () => {
    // Earlier tests' digest items go out first, in digests of their own day.
    const digests = platform.worker!.get(DigestService);
    await digests.gather(new Date('2026-11-29T02:00:00Z'));
    await eventually(async () => {
      const [pending] = await platform.dataSource.query(
        `SELECT count(*)::int AS n FROM notification_digest WHERE status = 'PENDING'`,
      );
      return pending.n === 0;
    });
    smtp.clear();
    const { staff, staffEn, projectId } = await scene('152269');
    // Only the digest goes out by e-mail in this test.
    expectData(
      await setPreference(staffEn, {
        eventType: 'APPLICATION_SUBMITTED',
        channel: 'EMAIL',
        mode: 'OFF',
      }),
    );
    expectData(
      await setPreference(staff, {
        eventType: 'APPLICATION_SUBMITTED',
        channel: 'EMAIL',
        mode: 'DAILY_DIGEST',
      }),
    );
    const engagementId = await apply(await f.participant('sakai'), projectId);
    await eventually(async () => {
      const rows = await deliveriesOf(`application-submitted.${engagementId}`);
      return rows.some((r: any) => r.recipient_id === staff.id && r.status === 'IN_DIGEST');
    });
    smtp.failNext(JOBS['deliver.digest'].attempts);
    // 02:00 UTC is 11:00 in Tokyo, past the 09:00 digest hour.
    expect(await digests.gather(new Date('2026-11-30T02:00:00Z'))).toBe(1);
    const list = `query { notificationDigests(status: DEAD, first: 50) {
      edges { node { id recipientId localDate status attempts lastError } } } }`;
    const [dead] = await eventually(async () => {
      const nodes = expectData(await platform.gql(list, {}, admin.token))
        .notificationDigests.edges.map((e: any) => e.node)
        .filter((n: any) => n.recipientId === staff.id);
      return nodes.length > 0 && nodes;
    });
    expect(dead).toMatchObject({
      localDate: '2026-11-30',
      attempts: JOBS['deliver.digest'].attempts,
    });
    expect(dead.lastError).toMatch(/451/);
    expect(rejection(await platform.gql(list, {}, staff.token)).extensions.code).toBe('FORBIDDEN');

    const retried = expectData(
      await platform.gql(
        `mutation($id: ID!) { retryNotificationDigest(id: $id) { status retries } }`,
        { id: dead.id },
        admin.token,
      ),
    ).retryNotificationDigest;
    expect(retried).toEqual({ status: 'PENDING', retries: 1 });
    const mail = await eventually(() =>
      Promise.resolve(smtp.messages.find((m) => m.to === staff.email)),
    );
    expect(mail.subject).toBe('【Tsunagu】本日のお知らせ（1件）');
  });

  it("delivers one event's batch per channel once: a refused e-mail is retried alone, and two runs of a batch at once send nothing twice", async () => {
    const { staff, staffEn, projectId } = await scene('152111');
    const participant = await f.participant('mori');
    // The first of the batch's two e-mails is refused (451): only that one goes again.
    smtp.failNext(1);
    const engagementId = await apply(participant, projectId);
    const key = `application-submitted.${engagementId}`;
    const sent = await eventually(async () => {
      const rows = await deliveriesOf(key);
      return rows.length === 4 && rows.every((r: any) => r.status === 'SENT') && rows;
    });
    const mails = sent.filter((r: any) => r.channel === 'EMAIL');
    expect(mails.map((r: any) => r.attempts).sort()).toEqual([1, 2]);
    const mailsOfEvent = () =>
      smtp.messages.filter((m) =>
        mails.some((r: any) => m.messageId === `<delivery.${r.id}@tsunagu>`),
      );
    expect(
      mailsOfEvent()
        .map((m) => m.to)
        .sort(),
    ).toEqual([staff.email, staffEn.email].sort());

    // As if both e-mails and both in-app rows were still to do, two copies of each batch's job
    // run at the same time: the row locks let one send and store, the other finds them done.
    const ids = (channel: string) =>
      sent.filter((r: any) => r.channel === channel).map((r: any) => r.id);
    await platform.dataSource.query(
      `UPDATE notification_delivery SET status = 'PENDING' WHERE id = ANY($1::uuid[])`,
      [sent.map((r: any) => r.id)],
    );
    smtp.clear();
    const queue = platform.api.get(QueueService).queue(JOBS['deliver.email'].queue);
    const copies = ['a', 'b'];
    await Promise.all(
      copies.flatMap((copy) => [
        queue.add(
          'deliver.email',
          { deliveryIds: ids('EMAIL') },
          { jobId: `twice-${copy}-${key}-mail` },
        ),
        queue.add(
          'deliver.in-app',
          { deliveryIds: ids('IN_APP') },
          { jobId: `twice-${copy}-${key}-app` },
        ),
      ]),
    );
    for (const copy of copies) {
      for (const kind of ['mail', 'app']) {
        await eventually(
          async () => (await queue.getJobState(`twice-${copy}-${key}-${kind}`)) === 'completed',
        );
      }
    }
    expect(mailsOfEvent()).toHaveLength(2);
    const stored = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE event_key = $1`,
      [key],
    );
    expect(stored[0].n).toBe(2);
  });

  it('stores the in-app notifications in the fan-out itself, once each when two fan-outs of an event run at once', async () => {
    const { staff, staffEn, projectId } = await scene('152161');
    const participant = await f.participant('ueda');
    const engagementId = await apply(participant, projectId);
    await drained(platform);
    // The same application told again under a key of its own, by two runs at the same time.
    const key = `application-submitted.${engagementId}.again`;
    const fanOut = platform.worker!.get(NotificationFanOut);
    const event = {
      key,
      type: 'APPLICATION_SUBMITTED' as const,
      payload: { engagementId },
      occurredAt: new Date().toISOString(),
    };
    await Promise.all([fanOut.fanOut(event), fanOut.fanOut(event)]);

    // Done when the fan-outs returned, with no job in between: the in-app rows and their
    // deliveries committed together; only the e-mails wait for their job.
    const rows = await deliveriesOf(key);
    expect(
      rows.filter((r: any) => r.channel === 'IN_APP').map((r: any) => [r.status, r.attempts]),
    ).toEqual([
      ['SENT', 1],
      ['SENT', 1],
    ]);
    const stored = await platform.dataSource.query(
      `SELECT recipient_id FROM notification WHERE event_key = $1 ORDER BY recipient_id`,
      [key],
    );
    expect(stored.map((n: any) => n.recipient_id)).toEqual([staff.id, staffEn.id].sort());
    const mails = await eventually(async () => {
      const emails = (await deliveriesOf(key)).filter((r: any) => r.channel === 'EMAIL');
      return emails.length === 2 && emails.every((r: any) => r.status === 'SENT') && emails;
    });
    await drained(platform);
    expect(
      smtp.messages.filter((m) =>
        mails.some((r: any) => m.messageId === `<delivery.${r.id}@tsunagu>`),
      ),
    ).toHaveLength(2);
  });

  it("sends an event's e-mails when its in-app notifications cannot be stored in the fan-out, and stores them in their own job", async () => {
    const { projectId } = await scene('152170');
    const participant = await f.participant('okada');
    const engagementId = await apply(participant, projectId);
    await drained(platform);
    const key = `application-submitted.${engagementId}.unrenderable`;
    const worker = platform.worker!;
    // The first attempt to store this event's in-app rows fails, as a message that cannot be
    // rendered would.
    const inApp = worker.get(InAppDeliveryService);
    const spy = jest.spyOn(inApp, 'store').mockImplementationOnce(() => {
      throw new Error('the message could not be rendered');
    });
    try {
      await worker.get(NotificationFanOut).fanOut({
        key,
        type: 'APPLICATION_SUBMITTED',
        payload: { engagementId },
        occurredAt: new Date().toISOString(),
      });
    } finally {
      spy.mockRestore();
    }
    // Everything arrives: the e-mails through their job, the in-app rows through theirs.
    const rows = await eventually(async () => {
      const all = await deliveriesOf(key);
      return all.length === 4 && all.every((r: any) => r.status === 'SENT') && all;
    }, 20_000);
    expect(rows.map((r: any) => r.channel).sort()).toEqual(['EMAIL', 'EMAIL', 'IN_APP', 'IN_APP']);
    const stored = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE event_key = $1`,
      [key],
    );
    expect(stored[0].n).toBe(2);
  });

  // Three applications to one project, told again under keys of their own (the originals were
  // delivered when they were made): the events of a batch.
  async function threeEvents(code: string, suffix: string) {
    const { staff, staffEn, projectId } = await scene(code);
    const events = [];
    for (const name of ['ichi', 'ni', 'san']) {
      const engagementId = await apply(await f.participant(`${name}-${code}`), projectId);
      events.push({
        key: `application-submitted.${engagementId}.${suffix}`,
        type: 'APPLICATION_SUBMITTED' as const,
        payload: { engagementId },
        occurredAt: new Date().toISOString(),
      });
    }
    await drained(platform);
    return { staff, staffEn, events };
  }

  const notificationsOf = async (key: string) =>
    (
      await platform.dataSource.query(
        `SELECT recipient_id FROM notification WHERE event_key = $1 ORDER BY recipient_id`,
        [key],
      )
    ).map((n: any) => n.recipient_id);

  // Every e-mail delivery of the events SENT, and the Message-IDs the server received for them.
  async function mailsOf(keys: string[]) {
    const deliveries = await eventually(async () => {
      const emails = (await Promise.all(keys.map(deliveriesOf)))
        .flat()
        .filter((r: any) => r.channel === 'EMAIL');
      return (
        emails.length === keys.length * 2 && emails.every((r: any) => r.status === 'SENT') && emails
      );
    }, 20_000);
    await drained(platform);
    const ids = new Set(deliveries.map((r: any) => `<delivery.${r.id}@tsunagu>`));
    return smtp.messages.filter((m) => ids.has(m.messageId)).map((m) => m.messageId);
  }

  it('fans out a batch of events in one go; two batches racing over the same events store each notification once and send each e-mail once', async () => {
    const { staff, staffEn, events } = await threeEvents('152188', 'batch');
    const fanOut = platform.worker!.get(NotificationFanOut);
    // Each batch is delivered together once: a batch that failed and fell back to its events one
    // by one would reach the same rows, so the calls are what tells them apart.
    const together = jest.spyOn(fanOut as any, 'deliverTogether');
    let first: Array<PromiseSettledResult<unknown>>, second: Array<PromiseSettledResult<unknown>>;
    try {
      [first, second] = await Promise.all([
        fanOut.fanOutMany(events),
        fanOut.fanOutMany([events[2], events[0]]),
      ]);
      expect(together.mock.calls.map(([batch]) => (batch as unknown[]).length).sort()).toEqual([
        2, 3,
      ]);
    } finally {
      together.mockRestore();
    }
    expect(first.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(second.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // Planned by whichever ran first, the same for both.
    expect((first[0] as PromiseFulfilledResult<unknown>).value).toEqual({
      deliveries: 4,
      digested: 0,
      webhooks: 0,
    });

    // The in-app rows committed with the batch, once each.
    for (const { key } of events) {
      expect(await notificationsOf(key)).toEqual([staff.id, staffEn.id].sort());
      const inApp = (await deliveriesOf(key)).filter((r: any) => r.channel === 'IN_APP');
      expect(inApp.map((r: any) => [r.status, r.attempts])).toEqual([
        ['SENT', 1],
        ['SENT', 1],
      ]);
    }
    const sent = await mailsOf(events.map((e) => e.key));
    expect(sent).toHaveLength(6);
    expect(new Set(sent).size).toBe(6);
  });

  it('fans out the other events of a batch when one of them fails, and fails only that one', async () => {
    const { staff, staffEn, events } = await threeEvents('152277', 'one-fails');
    // The middle event cannot be stored (its time is not a time), which fails the batch's
    // transaction: each event then goes alone.
    const broken = { ...events[1], occurredAt: 'not a time' };
    const results = await platform
      .worker!.get(NotificationFanOut)
      .fanOutMany([events[0], broken, events[2]]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const good = [events[0].key, events[2].key];
    for (const key of good) {
      expect(await notificationsOf(key)).toEqual([staff.id, staffEn.id].sort());
    }
    expect(await mailsOf(good)).toHaveLength(4);
    expect(await deliveriesOf(broken.key)).toEqual([]);
    expect(await notificationsOf(broken.key)).toEqual([]);
  });

  it("stores the in-app rows of a batch's other events when one event's cannot be stored, and that event's in their own job", async () => {
    const { staff, staffEn, events } = await threeEvents('153079', 'one-unrenderable');
    const [, unrenderable] = events;
    const worker = platform.worker!;
    const inApp = worker.get(InAppDeliveryService);
    const store = inApp.store.bind(inApp);
    // Storing fails whenever it includes the middle event's rows (in the batch, then the event
    // alone), as a message that cannot be rendered would; its job then stores them, once the
    // test has looked (it could otherwise run before the first look).
    let failures = 0;
    let release!: () => void;
    const looked = new Promise<void>((resolve) => (release = resolve));
    const spy = jest.spyOn(inApp, 'store').mockImplementation(async (m, run) => {
      const [{ n }] = await m.query(
        `SELECT count(*)::int AS n FROM notification_delivery d
           JOIN notification_event e ON e.id = d.event_id
          WHERE d.id = ANY($1::uuid[]) AND e.key = $2`,
        [run.ids, unrenderable.key],
      );
      if (n > 0 && failures < 2) {
        failures += 1;
        throw new Error('the message could not be rendered');
      }
      if (n > 0) await looked;
      return store(m, run);
    });
    let results: Array<PromiseSettledResult<unknown>>;
    try {
      results = await worker.get(NotificationFanOut).fanOutMany(events);
      // Committed with the batch: the rows of the two others, not the middle one's.
      for (const key of [events[0].key, events[2].key]) {
        expect(await notificationsOf(key)).toEqual([staff.id, staffEn.id].sort());
      }
      expect(await notificationsOf(unrenderable.key)).toEqual([]);
      // The batch as a whole, then the middle event alone.
      expect(failures).toBe(2);
    } finally {
      release();
      spy.mockRestore();
    }
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    // The middle event's rows arrive through their job, once each; every e-mail once.
    await eventually(async () => (await notificationsOf(unrenderable.key)).length === 2, 20_000);
    expect(await notificationsOf(unrenderable.key)).toEqual([staff.id, staffEn.id].sort());
    expect(await mailsOf(events.map((e) => e.key))).toHaveLength(6);
  });

  it("sends a batch's e-mails together, one job for its events; an e-mail that cannot be rendered fails only its own delivery", async () => {
    const { events } = await threeEvents('153613', 'one-mail-unrenderable');
    const [, unrenderable] = events;
    const worker = platform.worker!;
    // The e-mail job waits until the middle event has become one this version cannot render (a
    // newer version's event type, met during a rolling deploy).
    const queue = worker.get(QueueService).queue('notifications');
    await queue.pause();
    try {
      const results = await worker.get(NotificationFanOut).fanOutMany(events);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const waiting = (await queue.getJobs(['waiting'])).filter((j) => j.name === 'deliver.email');
      const planned = (await Promise.all(events.map((e) => deliveriesOf(e.key))))
        .flat()
        .filter((r: any) => r.channel === 'EMAIL');
      expect(waiting.map((j) => (j.data as { deliveryIds: string[] }).deliveryIds.length)).toEqual([
        6,
      ]);
      expect(planned).toHaveLength(6);
      await platform.dataSource.query(
        `UPDATE notification_event SET type = 'RETIRED_EVENT' WHERE key = $1`,
        [unrenderable.key],
      );
    } finally {
      await queue.resume();
    }
    // Its two deliveries fail at every attempt and are dead-lettered; the others' four e-mails
    // went out, once each.
    const dead = await eventually(async () => {
      const rows = await deliveriesOf(unrenderable.key);
      const mails = rows.filter((r: any) => r.channel === 'EMAIL');
      return mails.every((r: any) => r.status === 'DEAD') && mails;
    }, 30_000);
    expect(dead.map((r: any) => [r.attempts, r.last_error])).toEqual([
      [6, 'no message for RETIRED_EVENT events in this version'],
      [6, 'no message for RETIRED_EVENT events in this version'],
    ]);
    expect(await mailsOf([events[0].key, events[2].key])).toHaveLength(4);
    const received = smtp.messages.map((m) => m.messageId);
    expect(new Set(received).size).toBe(received.length);
  });

  it('leaves an e-mail another job is sending to that job and sends the rest at once (a replayed event in two jobs)', async () => {
    const { events } = await threeEvents('154059', 'held-by-another-job');
    const worker = platform.worker!;
    const queue = worker.get(QueueService).queue('notifications');
    await queue.pause();
    const holder = platform.dataSource.createQueryRunner();
    try {
      await worker.get(NotificationFanOut).fanOutMany(events);
      const mails = (await Promise.all(events.map((e) => deliveriesOf(e.key))))
        .flat()
        .filter((r: any) => r.channel === 'EMAIL');
      expect(mails).toHaveLength(6);
      // Another job holds the first e-mail's row, as the job sending it does.
      await holder.connect();
      await holder.startTransaction();
      await holder.query(`SELECT 1 FROM notification_delivery WHERE id = $1 FOR UPDATE`, [
        mails[0].id,
      ]);
      const attempt = { attempt: 1, maxAttempts: 6, isFinal: false };
      expect(
        await worker
          .get(EmailDeliveryService)
          .deliver({ ids: mails.map((m: any) => m.id), retries: 0 }, attempt),
      ).toEqual({ sent: 5, failed: 0 });
      await holder.commitTransaction();
      expect(
        (await deliveriesOf(events[0].key)).find((r: any) => r.id === mails[0].id),
      ).toMatchObject({ status: 'PENDING', attempts: 0 });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await queue.resume();
    }
    // The fan-out's own job sends the one left; every e-mail arrived once.
    const sent = await mailsOf(events.map((e) => e.key));
    expect(sent).toHaveLength(6);
    expect(new Set(sent).size).toBe(6);
  });

  it('fans out the events the relay hands over together in one job; one that fails goes on alone as its own notify.event job', async () => {
    const { staff, staffEn, events } = await threeEvents('153427', 'relayed-together');
    // As the relay hands a pass's events over; the middle one cannot be stored.
    const broken = { ...events[1], occurredAt: 'not a time' };
    const notifications = platform.api.get(QueueService).queue('notifications');
    const together = await notifications.add(
      'notify.events',
      { events: [events[0], broken, events[2]] },
      { jobId: `events.test-${randomUUID()}`, attempts: JOBS['notify.events'].attempts },
    );
    const good = [events[0].key, events[2].key];
    // The job itself is done, with the two good events delivered once each.
    await eventually(async () => (await together.getState()) === 'completed', 20_000);
    for (const key of good) {
      expect(await notificationsOf(key)).toEqual([staff.id, staffEn.id].sort());
    }
    // The broken event is a job of its own, under the id it was recorded with, failing alone.
    const alone = await eventually(async () => {
      const job = await notifications.getJob(`event.${broken.key}`);
      return job && job.attemptsMade >= 1 && job;
    }, 20_000);
    expect(alone.name).toBe('notify.event');
    expect(alone.data).toEqual({ event: broken });
    expect(await deliveriesOf(broken.key)).toEqual([]);
    // It would be retried with its backoff for a while: taken away so the queue drains.
    await eventually(async () => (await alone.getState()) === 'delayed', 20_000);
    await alone.remove();
    const sent = await mailsOf(good);
    expect(sent).toHaveLength(4);
    expect(new Set(sent).size).toBe(4);
  });
});
