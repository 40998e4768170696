import { AppConfig } from '@tsunagu/core';
import { NotificationEventType } from '@tsunagu/notifications';
import {
  NotificationEvent,
  WebhookDeliverer,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookFanOut,
} from '@tsunagu/notifications';
import { randomBytes } from 'node:crypto';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { eventually, drained, startTestPlatform, TestPlatform } from './support/test-platform';
import { WebhookReceiver } from './support/webhook-receiver';

const ENDPOINT_FIELDS = `id organizationId url eventTypes description enabled consecutiveFailures
  disabledAt disabledReason createdAt`;
const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(id: $id, input: $input) { ${ENDPOINT_FIELDS} } }`;
const ROTATE = `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id } } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`;
const LIST = `query($organizationId: ID!) { webhookEndpoints(organizationId: $organizationId) {
  ${ENDPOINT_FIELDS} } }`;
const DELIVERY_FIELDS = `id endpointId organizationId eventType eventKey status attempts lastStatusCode lastError
  retries sentAt createdAt attemptLog { attemptedAt statusCode error durationMs }`;
const DELIVERIES = `query($endpointId: ID!, $status: DeliveryStatus, $first: Int, $after: String) {
  webhookDeliveries(endpointId: $endpointId, status: $status, first: $first, after: $after) {
    edges { node { ${DELIVERY_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const RETRY = `mutation($id: ID!) { retryWebhookDelivery(id: $id) { ${DELIVERY_FIELDS} } }`;
const DEAD_LETTERS = `query($first: Int, $after: String) {
  webhookDeadLetters(first: $first, after: $after) {
    edges { node { ${DELIVERY_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;

// Organisations' webhooks against a real receiver on 127.0.0.1: management and its authorisation,
// signed calls, retries with backoff, disabling a failing endpoint, one call per event and
// endpoint when nothing crashes, the private-network rule and operators' dead letters. Retries
// back off from 50 ms and three failures in a row disable; private networks are allowed (the
// receivers are local) except where a test turns the setting off.
describe('webhooks', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let owner: Person;
  let staff: Person;
  let outsider: Person;
  let hubId: string;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({
      worker: true,
      env: {
        DELIVERY_RETRY_BASE_MS: '50',
        WEBHOOK_DISABLE_AFTER_FAILURES: '3',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      },
    });
    f = new Fixtures(platform);
    admin = await f.admin();
    owner = await f.signUp('hub-owner');
    staff = await f.signUp('hub-staff');
    outsider = await f.signUp('outsider');
    hubId = await f.intermediary(admin, { prefectureCodes: ['01'] }, [staff]);
    await f.addMember(admin, hubId, owner, 'OWNER');
  });

  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await platform.close();
  });

  async function receiver(): Promise<WebhookReceiver> {
    const started = await WebhookReceiver.start();
    receivers.push(started);
    return started;
  }

  // An intermediary of its own, so a test's plans reach only its own endpoints.
  async function organization(): Promise<string> {
    const id = await f.intermediary(admin, { prefectureCodes: ['01'] }, []);
    await f.addMember(admin, id, owner, 'OWNER');
    return id;
  }

  async function createEndpoint(
    receiverOrUrl: WebhookReceiver | string,
    eventTypes: NotificationEventType[] = ['APPLICATION_SUBMITTED'],
    organizationId = hubId,
  ): Promise<{ id: string; secret: string }> {
    const url = typeof receiverOrUrl === 'string' ? receiverOrUrl : receiverOrUrl.url;
    const data = expectData(
      await platform.gql(CREATE, { input: { organizationId, url, eventTypes } }, owner.token),
    );
    const { secret, endpoint } = data.createWebhookEndpoint;
    if (typeof receiverOrUrl !== 'string') receiverOrUrl.useSecret(secret);
    return { id: endpoint.id, secret };
  }

  // The resolved event the notification fan-out would store for a domain event.
  async function event(type: NotificationEventType = 'APPLICATION_SUBMITTED') {
    return platform.dataSource.getRepository(NotificationEvent).save({
      key: `test-${type.toLowerCase()}.${randomBytes(6).toString('hex')}`,
      type,
      vars: { project: '空き家バンクの立て直し', applicant: '山田' },
      links: { projectId: '9a6a0c5e-3b47-4c1f-9a83-0b1b4c5d6e7f' },
      occurredAt: new Date('2027-04-01T09:00:00.000Z'),
    });
  }

  function plan(stored: NotificationEvent, organizationIds: string[]): Promise<number> {
    const fanOut = platform.worker!.get(WebhookFanOut);
    return platform.dataSource.transaction((m) => fanOut.plan(m, stored, organizationIds));
  }

  async function deliveries(endpointId: string, status?: string): Promise<any[]> {
    const data = expectData(
      await platform.gql(DELIVERIES, { endpointId, status, first: 50 }, owner.token),
    );
    return data.webhookDeliveries.edges.map((e: any) => e.node);
  }

  async function endpointRow(id: string): Promise<WebhookEndpoint> {
    return platform.dataSource.getRepository(WebhookEndpoint).findOneByOrFail({ id });
  }

  async function storedEndpointCount(): Promise<number> {
    return platform.dataSource.getRepository(WebhookEndpoint).countBy({ organizationId: hubId });
  }

  describe('management', () => {
    it("is for the organisation's owners and platform admins only", async () => {
      const hook = await receiver();
      const input = { organizationId: hubId, url: hook.url, eventTypes: ['APPLICATION_SUBMITTED'] };
      const before = await storedEndpointCount();
      for (const someone of [outsider, staff]) {
        const refused = rejection(await platform.gql(CREATE, { input }, someone.token));
        expect(refused.extensions.code).toBe('FORBIDDEN');
        expect(refused.message).toMatch(/owners or platform admins/);
        expect(
          rejection(await platform.gql(LIST, { organizationId: hubId }, someone.token)).extensions
            .code,
        ).toBe('FORBIDDEN');
      }
      expect(rejection(await platform.gql(CREATE, { input })).extensions.code).toBe(
        'UNAUTHENTICATED',
      );
      expect(await storedEndpointCount()).toBe(before);

      const { id } = await createEndpoint(hook);
      for (const [query, variables] of [
        [UPDATE, { id, input: { description: 'taken over' } }],
        [ROTATE, { id }],
        [DELETE, { id }],
        [DELIVERIES, { endpointId: id }],
      ] as const) {
        const refused = rejection(await platform.gql(query, variables, outsider.token));
        expect(refused.extensions.code).toBe('FORBIDDEN');
      }
      // A platform admin may look after any organisation's webhooks.
      const listed = expectData(await platform.gql(LIST, { organizationId: hubId }, admin.token));
      expect(listed.webhookEndpoints.map((e: any) => e.id)).toContain(id);
      expect((await endpointRow(id)).description).toBeNull();
    });

    it('shows the secret once, on create and on rotate, and never lists it', async () => {
      const hook = await receiver();
      const data = expectData(
        await platform.gql(
          CREATE,
          {
            input: {
              organizationId: hubId,
              url: hook.url,
              eventTypes: ['SCOUT_OFFER_ANSWERED', 'APPLICATION_SUBMITTED'],
              description: '  kintone 連携  ',
            },
          },
          owner.token,
        ),
      );
      const { secret, endpoint } = data.createWebhookEndpoint;
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(endpoint).toMatchObject({
        organizationId: hubId,
        url: hook.url,
        // Stored in the registry's order.
        eventTypes: ['APPLICATION_SUBMITTED', 'SCOUT_OFFER_ANSWERED'],
        description: 'kintone 連携',
        enabled: true,
        consecutiveFailures: 0,
        disabledAt: null,
      });
      const stored = await platform.dataSource
        .getRepository(WebhookEndpoint)
        .createQueryBuilder('e')
        .addSelect('e.secret')
        .where('e.id = :id', { id: endpoint.id })
        .getOneOrFail();
      expect(stored.secret).toBe(secret);
      // Not selected unless asked for, and not in the GraphQL type at all.
      expect((await endpointRow(endpoint.id)).secret).toBeUndefined();
      const asked = await platform.gql(
        `query($organizationId: ID!) { webhookEndpoints(organizationId: $organizationId) { secret } }`,
        { organizationId: hubId },
        owner.token,
      );
      expect(rejection(asked).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

      const rotated = expectData(await platform.gql(ROTATE, { id: endpoint.id }, owner.token));
      expect(rotated.rotateWebhookSecret.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(rotated.rotateWebhookSecret.secret).not.toBe(secret);
    });

    it('rejects a bad URL or event type with a specific error and stores nothing', async () => {
      const before = await storedEndpointCount();
      const valid = {
        organizationId: hubId,
        url: 'https://crm.example.jp/hooks',
        eventTypes: ['APPLICATION_SUBMITTED'],
      };
      const cases: Array<[Record<string, unknown>, string[], RegExp]> = [
        [{ url: 'ftp://crm.example.jp/hooks' }, ['input', 'url'], /http\(s\)/],
        [{ url: 'crm.example.jp/hooks' }, ['input', 'url'], /absolute http\(s\) URL/],
        [
          { url: 'https://user:pw@crm.example.jp/hooks' },
          ['input', 'url'],
          /user name or password/,
        ],
        [{ url: `https://crm.example.jp/${'a'.repeat(2000)}` }, ['input', 'url'], /2000/],
        [{ eventTypes: [] }, ['input', 'eventTypes'], /at least one event type/],
        [
          { eventTypes: ['APPLICATION_SUBMITTED', 'APPLICATION_SUBMITTED'] },
          ['input', 'eventTypes'],
          /repeat/,
        ],
        [{ description: 'x'.repeat(501) }, ['input', 'description'], /500/],
      ];
      for (const [change, path, message] of cases) {
        const error = rejection(
          await platform.gql(CREATE, { input: { ...valid, ...change } }, owner.token),
        );
        expect(error.extensions.code).toBe('BAD_USER_INPUT');
        expect(error.extensions.fields).toEqual([
          { path, message: expect.stringMatching(message) },
        ]);
      }
      // An unknown event type is refused by the schema's enum.
      const unknown = rejection(
        await platform.gql(
          CREATE,
          { input: { ...valid, eventTypes: ['PROJECT_DELETED'] } },
          owner.token,
        ),
      );
      expect(unknown.extensions.code).toBe('BAD_USER_INPUT');
      expect(unknown.message).toMatch(/PROJECT_DELETED.*NotificationEventType/);
      // An organisation that does not exist (a platform admin asking).
      const missing = rejection(
        await platform.gql(
          CREATE,
          { input: { ...valid, organizationId: '6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77' } },
          admin.token,
        ),
      );
      expect(missing.extensions.code).toBe('NOT_FOUND');
      expect(await storedEndpointCount()).toBe(before);
    });

    it('keeps an organisation to 10 endpoints', async () => {
      const organizationId = await organization();
      for (let i = 0; i < 10; i++) {
        await createEndpoint(`https://crm.example.jp/hooks/${i}`, undefined, organizationId);
      }
      const refused = rejection(
        await platform.gql(
          CREATE,
          {
            input: {
              organizationId,
              url: 'https://crm.example.jp/hooks/10',
              eventTypes: ['APPLICATION_SUBMITTED'],
            },
          },
          owner.token,
        ),
      );
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LIMIT_REACHED' });
      expect(refused.message).toBe(
        'An organisation can have at most 10 webhook endpoints; delete one first',
      );
      const [{ n }] = await platform.dataSource.query(
        `SELECT count(*)::int AS n FROM webhook_endpoint WHERE organization_id = $1`,
        [organizationId],
      );
      expect(n).toBe(10);
    });

    it('updates only what is given, refuses bad changes and deletes', async () => {
      const hook = await receiver();
      const { id } = await createEndpoint(hook);
      const refused = rejection(
        await platform.gql(UPDATE, { id, input: { url: 'gopher://old' } }, owner.token),
      );
      expect(refused.extensions.fields).toEqual([
        { path: ['input', 'url'], message: 'must be an http(s) URL' },
      ]);
      const nulled = rejection(
        await platform.gql(UPDATE, { id, input: { eventTypes: null } }, owner.token),
      );
      expect(nulled.extensions.fields?.[0].path).toEqual(['input', 'eventTypes']);
      expect((await endpointRow(id)).url).toBe(hook.url);

      const updated = expectData(
        await platform.gql(
          UPDATE,
          { id, input: { eventTypes: ['ENGAGEMENT_STALE'], description: 'Salesforce' } },
          owner.token,
        ),
      ).updateWebhookEndpoint;
      expect(updated).toMatchObject({
        url: hook.url,
        eventTypes: ['ENGAGEMENT_STALE'],
        description: 'Salesforce',
        enabled: true,
      });
      const off = expectData(
        await platform.gql(UPDATE, { id, input: { enabled: false } }, owner.token),
      ).updateWebhookEndpoint;
      expect(off).toMatchObject({
        enabled: false,
        disabledReason: 'turned off by the organisation',
      });
      expect(off.disabledAt).not.toBeNull();

      expect(expectData(await platform.gql(DELETE, { id }, owner.token))).toEqual({
        deleteWebhookEndpoint: true,
      });
      const listed = expectData(await platform.gql(LIST, { organizationId: hubId }, owner.token));
      expect(listed.webhookEndpoints.map((e: any) => e.id)).not.toContain(id);
      expect(rejection(await platform.gql(DELETE, { id }, owner.token)).extensions.code).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('delivery', () => {
    it('calls a subscribed endpoint once with a valid signature, and no one else', async () => {
      const org = await organization();
      const hook = await receiver();
      const unsubscribed = await receiver();
      const elsewhere = await receiver();
      const { id } = await createEndpoint(hook, ['APPLICATION_SUBMITTED'], org);
      await createEndpoint(unsubscribed, ['ENGAGEMENT_STALE'], org);
      // Another organisation's endpoint, subscribed, but the event does not concern it.
      await createEndpoint(elsewhere, ['APPLICATION_SUBMITTED'], await organization());
      const stored = await event();

      expect(await plan(stored, [org, org])).toBe(1);

      await eventually(async () => (await deliveries(id))[0]?.status === 'SENT');
      await drained(platform);
      expect(hook.calls).toHaveLength(1);
      expect(unsubscribed.calls).toHaveLength(0);
      expect(elsewhere.calls).toHaveLength(0);
      const [call] = hook.calls;
      const [delivery] = await deliveries(id);
      expect(call.verification).toEqual({ valid: true, timestamp: expect.any(Number) });
      expect(call.path).toBe('/hooks/tsunagu');
      expect(call.headers).toMatchObject({
        'content-type': 'application/json',
        'tsunagu-event': 'APPLICATION_SUBMITTED',
        'tsunagu-delivery': delivery.id,
        'user-agent': 'Tsunagu-Webhooks/1',
      });
      expect(call.json).toEqual({
        id: delivery.id,
        type: 'APPLICATION_SUBMITTED',
        key: stored.key,
        occurredAt: '2027-04-01T09:00:00.000Z',
        data: { project: '空き家バンクの立て直し', applicant: '山田' },
        links: { projectId: '9a6a0c5e-3b47-4c1f-9a83-0b1b4c5d6e7f' },
      });
      expect(delivery).toMatchObject({
        endpointId: id,
        organizationId: org,
        eventType: 'APPLICATION_SUBMITTED',
        eventKey: stored.key,
        status: 'SENT',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        retries: 0,
      });
      expect(delivery.sentAt).not.toBeNull();
      expect(delivery.attemptLog).toEqual([
        {
          attemptedAt: expect.any(String),
          statusCode: 200,
          error: null,
          durationMs: expect.any(Number),
        },
      ]);
    });

    it('retries a failing receiver with backoff and logs every attempt', async () => {
      const hook = (await receiver()).reply(
        { status: 500, body: 'database is\n  down' },
        { status: 500, body: 'still down' },
      );
      const org = await organization();
      const { id } = await createEndpoint(hook, ['APPLICATION_SUBMITTED'], org);

      expect(await plan(await event(), [org])).toBe(1);

      const [delivery] = await eventually(async () => {
        const list = await deliveries(id);
        return list[0]?.status === 'SENT' && list;
      });
      expect(hook.calls.map((c) => c.status)).toEqual([500, 500, 200]);
      // Every attempt is signed afresh and carries the same delivery id.
      expect(hook.calls.every((c) => c.verification.valid)).toBe(true);
      expect(new Set(hook.calls.map((c) => c.headers['tsunagu-delivery']))).toEqual(
        new Set([delivery.id]),
      );
      expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
      expect(delivery.attemptLog.map((a: any) => [a.statusCode, a.error])).toEqual([
        [500, 'HTTP 500: database is down'],
        [500, 'HTTP 500: still down'],
        [200, null],
      ]);
      // The second wait is longer than the first (exponential from 50 ms).
      const times = delivery.attemptLog.map((a: any) => Date.parse(a.attemptedAt));
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(40);
      expect(times[2] - times[1]).toBeGreaterThanOrEqual(90);
      // A success resets the failure count.
      expect((await endpointRow(id)).consecutiveFailures).toBe(0);
    });

    it('disables an endpoint after 3 failures in a row; a retry after re-enabling delivers', async () => {
      const hook = (await receiver()).always({ status: 503, body: 'maintenance' });
      const org = await organization();
      const { id } = await createEndpoint(hook, ['APPLICATION_SUBMITTED'], org);
      const first = await event();
      const second = await event();
      // Two deliveries fail side by side: their failures count together against the endpoint.
      await platform.dataSource.transaction(async (m) => {
        const fanOut = platform.worker!.get(WebhookFanOut);
        await fanOut.plan(m, first, [org]);
        await fanOut.plan(m, second, [org]);
      });

      const dead = await eventually(async () => {
        const list = await deliveries(id, 'DEAD');
        return list.length === 2 && list;
      });
      const endpoint = await endpointRow(id);
      expect(endpoint.enabled).toBe(false);
      expect(endpoint.disabledAt).not.toBeNull();
      expect(endpoint.disabledReason).toMatch(
        /^3 failed calls in a row; last: HTTP 503: maintenance$/,
      );
      // The third failure disabled the endpoint; a call already under way may add one more.
      await drained(platform);
      expect(hook.calls.length).toBeGreaterThanOrEqual(3);
      expect(hook.calls.length).toBeLessThanOrEqual(4);
      const settled = await deliveries(id, 'DEAD');
      expect(settled.reduce((sum: number, d: any) => sum + d.attempts, 0)).toBe(hook.calls.length);
      expect(settled.flatMap((d: any) => d.attemptLog)).toHaveLength(hook.calls.length);
      // Planning while disabled plans nothing.
      expect(await plan(await event(), [org])).toBe(0);

      // Refused while the endpoint is disabled.
      const refused = rejection(await platform.gql(RETRY, { id: dead[0].id }, owner.token));
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATUS' });
      expect(refused.message).toMatch(/endpoint is disabled/);
      expect(
        rejection(await platform.gql(RETRY, { id: dead[0].id }, outsider.token)).extensions.code,
      ).toBe('FORBIDDEN');

      hook.always(204);
      const enabled = expectData(
        await platform.gql(UPDATE, { id, input: { enabled: true } }, owner.token),
      ).updateWebhookEndpoint;
      expect(enabled).toMatchObject({
        enabled: true,
        consecutiveFailures: 0,
        disabledAt: null,
        disabledReason: null,
      });
      const callsBefore = hook.calls.length;
      for (const d of dead) {
        const retried = expectData(
          await platform.gql(RETRY, { id: d.id }, owner.token),
        ).retryWebhookDelivery;
        expect(retried).toMatchObject({ id: d.id, status: 'PENDING', attempts: 0, retries: 1 });
      }
      await eventually(async () => (await deliveries(id, 'SENT')).length === 2);
      await drained(platform);
      expect(hook.calls.length - callsBefore).toBe(2);
      for (const d of await deliveries(id)) {
        expect(d).toMatchObject({ status: 'SENT', attempts: 1, retries: 1, lastStatusCode: 204 });
        // The log keeps the calls made before the retry.
        expect(d.attemptLog.at(-1)).toMatchObject({ statusCode: 204, error: null });
        expect(d.attemptLog.length).toBeGreaterThanOrEqual(2);
      }
      // Only a DEAD delivery can be retried.
      const again = rejection(await platform.gql(RETRY, { id: dead[0].id }, owner.token));
      expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATUS' });
      expect(again.message).toMatch(/Only a DEAD delivery can be retried; this one is SENT/);
    });

    it('calls once however often the same event is planned', async () => {
      const hook = await receiver();
      const org = await organization();
      const { id } = await createEndpoint(hook, ['APPLICATION_SUBMITTED'], org);
      const stored = await event();

      const first = await plan(stored, [org]);
      const second = await plan(stored, [org]);
      expect(first).toBe(1);
      // Still PENDING (its job again, which the outbox ignores) or already SENT (nothing).
      expect(second).toBeLessThanOrEqual(1);
      await eventually(async () => (await deliveries(id))[0]?.status === 'SENT');
      expect(await plan(stored, [org])).toBe(0);
      await drained(platform);

      expect(hook.calls).toHaveLength(1);
      expect(
        await platform.dataSource.getRepository(WebhookDelivery).countBy({ endpointId: id }),
      ).toBe(1);
    });

    it("plans several events at once, each for its own organisations' endpoints of its type, once however often", async () => {
      const [hook, other] = [await receiver(), await receiver()];
      const [org, otherOrg] = [await organization(), await organization()];
      const { id } = await createEndpoint(hook, ['APPLICATION_SUBMITTED', 'ENGAGEMENT_STALE'], org);
      const { id: otherId } = await createEndpoint(other, ['APPLICATION_SUBMITTED'], otherOrg);
      const [applied, stale, elsewhere] = [
        await event(),
        await event('ENGAGEMENT_STALE'),
        await event(),
      ];
      const planEach = () =>
        platform.dataSource.transaction((m) =>
          platform.worker!.get(WebhookFanOut).planEach(m, [
            { event: applied, organizationIds: [org, org] },
            // The other organisation's endpoint does not take this type.
            { event: stale, organizationIds: [org, otherOrg] },
            { event: elsewhere, organizationIds: [otherOrg] },
          ]),
        );

      const planned = await planEach();
      expect([applied, stale, elsewhere].map((e) => planned.get(e.id))).toEqual([1, 1, 1]);
      await eventually(
        async () =>
          (await deliveries(id, 'SENT')).length === 2 &&
          (await deliveries(otherId, 'SENT')).length === 1,
      );
      // Planned again once sent: nothing new, nothing called again.
      expect((await planEach()).size).toBe(0);
      await drained(platform);
      expect(hook.calls).toHaveLength(2);
      expect(other.calls).toHaveLength(1);
    });

    it('never calls twice when two jobs run one delivery at the same time', async () => {
      const hook = (await receiver()).always({ status: 200, delayMs: 300 });
      const { id } = await createEndpoint(hook);
      const stored = await event();
      // A delivery without a job, so only the two runs below touch it.
      const delivery = await platform.dataSource
        .getRepository(WebhookDelivery)
        .save({ endpointId: id, eventId: stored.id, status: 'PENDING' as never });
      const deliverer = platform.worker!.get(WebhookDeliverer);
      const attempt = { attempt: 1, maxAttempts: 8, isFinal: false };

      const outcomes = await Promise.allSettled([
        deliverer.deliver(delivery.id, attempt),
        deliverer.deliver(delivery.id, attempt),
      ]);

      // The second finds the lease taken and fails, so BullMQ looks again after the backoff.
      expect(outcomes).toEqual(
        expect.arrayContaining([
          { status: 'fulfilled', value: { sent: 200 } },
          {
            status: 'rejected',
            reason: new Error(`webhook delivery ${delivery.id} is being called by another job`),
          },
        ]),
      );
      expect(await deliverer.deliver(delivery.id, attempt)).toEqual({ skipped: 'already SENT' });
      expect(hook.calls).toHaveLength(1);

      // A lease left by a worker that died mid-call expires, and the next run calls again.
      const orphan = await platform.dataSource.getRepository(WebhookDelivery).save({
        endpointId: id,
        eventId: (await event()).id,
        status: 'PENDING' as never,
        claimedUntil: new Date(Date.now() - 1000),
      });
      expect(await deliverer.deliver(orphan.id, attempt)).toEqual({ sent: 200 });
      expect(hook.calls).toHaveLength(2);
    });
  });

  describe('private networks not allowed', () => {
    // WEBHOOK_ALLOW_PRIVATE_NETWORKS off in the API (registration) or the worker (calls) for the
    // length of one test; the setting is read on every registration and every call.
    async function withoutPrivateNetworks<T>(
      app: 'api' | 'worker',
      run: () => Promise<T>,
    ): Promise<T> {
      const config = (app === 'api' ? platform.api : platform.worker!).get(AppConfig);
      config.WEBHOOK_ALLOW_PRIVATE_NETWORKS = false;
      try {
        return await run();
      } finally {
        config.WEBHOOK_ALLOW_PRIVATE_NETWORKS = true;
      }
    }

    it('refuses a loopback or private URL at registration and stores nothing', async () => {
      const hook = await receiver();
      const { id } = await createEndpoint(hook);
      const before = await storedEndpointCount();
      await withoutPrivateNetworks('api', async () => {
        const valid = { organizationId: hubId, eventTypes: ['APPLICATION_SUBMITTED'] };
        const port = new URL(hook.url).port;
        for (const [url, message] of [
          [hook.url, 'must be a public address, not 127.0.0.1 (loopback)'],
          [
            `http://localhost:${port}/hooks`,
            'must be a public address, not localhost (a local or internal name)',
          ],
          [
            'http://169.254.169.254/latest/meta-data',
            'must be a public address, not 169.254.169.254 (link-local)',
          ],
          [
            'http://[::ffff:10.0.0.5]/hooks',
            'must be a public address, not ::ffff:a00:5 (private network, IPv4 in IPv6)',
          ],
        ]) {
          const created = rejection(
            await platform.gql(CREATE, { input: { ...valid, url } }, owner.token),
          );
          expect(created.extensions.code).toBe('BAD_USER_INPUT');
          expect(created.extensions.fields).toEqual([{ path: ['input', 'url'], message }]);
          const updated = rejection(
            await platform.gql(UPDATE, { id, input: { url } }, owner.token),
          );
          expect(updated.extensions.fields).toEqual([{ path: ['input', 'url'], message }]);
        }
        // A public host is still fine.
        const moved = expectData(
          await platform.gql(
            UPDATE,
            { id, input: { url: 'https://crm.example.jp/hooks' } },
            owner.token,
          ),
        );
        expect(moved.updateWebhookEndpoint.url).toBe('https://crm.example.jp/hooks');
      });
      expect(await storedEndpointCount()).toBe(before);
    });

    it('refuses at call time a host that resolves to a loopback address', async () => {
      const hook = await receiver();
      const org = await organization();
      // Registered while allowed (as a public name that later points at us would be).
      const { id } = await createEndpoint(
        hook.url.replace('127.0.0.1', 'localhost'),
        ['APPLICATION_SUBMITTED'],
        org,
      );
      const dead = await withoutPrivateNetworks('worker', async () => {
        expect(await plan(await event(), [org])).toBe(1);
        return eventually(async () => {
          const list = await deliveries(id, 'DEAD');
          return list.length === 1 && list;
        });
      });
      expect(hook.calls).toHaveLength(0);
      // Each refusal is a failed attempt: three in a row disabled the endpoint.
      expect(dead[0].attempts).toBe(3);
      for (const attempt of dead[0].attemptLog) {
        expect(attempt).toMatchObject({ statusCode: null });
        expect(attempt.error).toMatch(
          /^localhost resolves to a private address (127\.0\.0\.1|::1) \(loopback\)$/,
        );
      }
      expect((await endpointRow(id)).disabledReason).toMatch(
        /^3 failed calls in a row; last: localhost resolves to a private address/,
      );
    });
  });

  describe('dead letters', () => {
    it("lists every organisation's DEAD deliveries for platform admins, who can retry them", async () => {
      // Two organisations, each with an endpoint whose receiver is down for good.
      const orgs = [await organization(), await organization()];
      const hooks = [await receiver(), await receiver()];
      const endpoints: string[] = [];
      for (const [i, org] of orgs.entries()) {
        hooks[i].always({ status: 500, body: 'down' });
        endpoints.push((await createEndpoint(hooks[i], ['APPLICATION_SUBMITTED'], org)).id);
        await plan(await event(), [org]);
        await eventually(async () => (await deliveries(endpoints[i], 'DEAD')).length === 1);
      }

      const list = async (variables: Record<string, unknown>, who = admin) =>
        expectData(await platform.gql(DEAD_LETTERS, variables, who.token)).webhookDeadLetters;
      const all = await list({ first: 100 });
      const nodes = all.edges.map((e: any) => e.node);
      expect(nodes.every((d: any) => d.status === 'DEAD')).toBe(true);
      // Newest first, across organisations.
      const created = nodes.map((d: any) => Date.parse(d.createdAt));
      expect(created).toEqual([...created].sort((a, b) => b - a));
      const mine = nodes.filter((d: any) => endpoints.includes(d.endpointId));
      expect(mine.map((d: any) => [d.endpointId, d.organizationId])).toEqual([
        [endpoints[1], orgs[1]],
        [endpoints[0], orgs[0]],
      ]);
      expect(mine[0].attemptLog.at(-1)).toMatchObject({ statusCode: 500, error: 'HTTP 500: down' });

      // Page by page.
      const first = await list({ first: 1 });
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await list({ first: 1, after: first.pageInfo.endCursor });
      expect([...first.edges, ...second.edges].map((e: any) => e.node.id)).toEqual(
        nodes.slice(0, 2).map((d: any) => d.id),
      );

      // Only for platform admins: an organisation's owner sees its own through webhookDeliveries.
      for (const someone of [owner, staff, outsider]) {
        const refused = rejection(await platform.gql(DEAD_LETTERS, { first: 10 }, someone.token));
        expect(refused.extensions.code).toBe('FORBIDDEN');
        expect(refused.message).toMatch(/Only platform admins/);
      }
      expect(rejection(await platform.gql(DEAD_LETTERS, { first: 10 })).extensions.code).toBe(
        'UNAUTHENTICATED',
      );

      // A platform admin re-enables the endpoint (three failures disabled it) and retries.
      hooks[0].always(200);
      expectData(
        await platform.gql(UPDATE, { id: endpoints[0], input: { enabled: true } }, admin.token),
      );
      const retried = expectData(
        await platform.gql(RETRY, { id: mine[1].id }, admin.token),
      ).retryWebhookDelivery;
      expect(retried).toMatchObject({
        id: mine[1].id,
        organizationId: orgs[0],
        status: 'PENDING',
        retries: 1,
      });
      await eventually(async () => (await deliveries(endpoints[0], 'SENT')).length === 1);
      expect(hooks[0].calls.at(-1)?.status).toBe(200);
      const after = (await list({ first: 100 })).edges.map((e: any) => e.node.id);
      expect(after).not.toContain(mine[1].id);
      expect(after).toContain(mine[0].id);
    });
  });

  it('lists deliveries newest first, page by page', async () => {
    const hook = await receiver();
    const org = await organization();
    const { id } = await createEndpoint(hook, ['APPLICATION_SUBMITTED'], org);
    const events = [];
    for (let i = 0; i < 3; i++) {
      const stored = await event();
      events.push(stored);
      await plan(stored, [org]);
    }
    await eventually(async () => (await deliveries(id, 'SENT')).length === 3);

    const page1 = expectData(
      await platform.gql(DELIVERIES, { endpointId: id, first: 2 }, owner.token),
    ).webhookDeliveries;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = expectData(
      await platform.gql(
        DELIVERIES,
        { endpointId: id, first: 2, after: page1.pageInfo.endCursor },
        owner.token,
      ),
    ).webhookDeliveries;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const keys = [...page1.edges, ...page2.edges].map((e: any) => e.node.eventKey);
    expect(keys).toEqual(events.map((e) => e.key).reverse());
    expect(await deliveries(id, 'DEAD')).toEqual([]);
  });
});
