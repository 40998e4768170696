import { closeRedisConnection, createLiveChannelConnections } from '@tsunagu/core';
import { LiveNotifications, Notification } from '@tsunagu/notifications';
import { createClient, Client, FormattedExecutionResult } from 'graphql-ws';
import { Redis } from 'ioredis';
import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { Fixtures, Person } from './support/fixtures';
import {
  eventually,
  startTestPlatform,
  TEST_JWT_SECRET,
  TestPlatform,
} from './support/test-platform';

const NOTIFICATION_ADDED = `subscription {
  notificationAdded { id type title body projectId engagementId readAt createdAt }
}`;

// For what arrives over the sockets; eventually() polls asynchronous checks.
const until = (check: () => boolean) => eventually(() => Promise.resolve(check()));

// One subscription's messages as they arrive, and how it ended.
interface Listening {
  results: FormattedExecutionResult<Record<string, unknown>, unknown>[];
  errors: unknown[];
  // When the last error arrived, by the wall clock.
  failedAt?: number;
  completed: boolean;
  stop(): void;
}

describe('Live notifications over graphql-ws, across API instances', () => {
  let platform: TestPlatform;
  let fixtures: Fixtures;
  let instanceB: { url: string; close(): Promise<void> };
  let redis: Redis;
  const clients: Client[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform();
    fixtures = new Fixtures(platform);
    instanceB = await platform.startApi();
    redis = new Redis(process.env.REDIS_URL!);
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    redis.disconnect();
    await platform.close();
  });

  function connect(httpUrl: string, connectionParams?: Record<string, unknown>): Client {
    const client = createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  }

  function listen(client: Client, query = NOTIFICATION_ADDED): Listening {
    const listening: Listening = { results: [], errors: [], completed: false, stop: () => {} };
    listening.stop = client.subscribe(
      { query },
      {
        next: (result) => listening.results.push(result),
        error: (error) => {
          listening.errors.push(error);
          listening.failedAt = Date.now();
        },
        complete: () => (listening.completed = true),
      },
    );
    return listening;
  }

  function channelOf(person: Person): string {
    return platform.api.get(LiveNotifications).channelFor(person.id);
  }

  // How many API instances listen for the person's notifications: Redis counts the subscribed
  // connections, so a test knows the subscription is in place before it publishes.
  async function listeners(person: Person): Promise<number> {
    const counts = (await redis.pubsub('NUMSUB', channelOf(person))) as [string, number];
    return Number(counts[1]);
  }

  async function storeNotification(person: Person, title: string): Promise<Notification> {
    return platform.dataSource.getRepository(Notification).save({
      recipientId: person.id,
      eventKey: `test.${randomUUID()}`,
      type: 'APPLICATION_SUBMITTED',
      title,
      body: `${title} の本文`,
      data: { projectId: randomUUID(), engagementId: randomUUID() },
      readAt: null,
    });
  }

  it('delivers a notification published on one instance to its recipient subscribed on another, and to no one else', async () => {
    const alice = await fixtures.signUp('alice');
    const bob = await fixtures.signUp('bob');
    const aliceLive = listen(connect(instanceB.url, { authorization: `Bearer ${alice.token}` }));
    const bobLive = listen(connect(instanceB.url, { authorization: `Bearer ${bob.token}` }));
    await eventually(async () => (await listeners(alice)) === 1 && (await listeners(bob)) === 1);

    const notification = await storeNotification(alice, '新しい応募がありました');
    await platform.api.get(LiveNotifications).publish(notification);

    await until(() => aliceLive.results.length === 1);
    expect(aliceLive.results[0]).toEqual({
      data: {
        notificationAdded: {
          id: notification.id,
          type: 'APPLICATION_SUBMITTED',
          title: '新しい応募がありました',
          body: '新しい応募がありました の本文',
          projectId: notification.data.projectId,
          engagementId: notification.data.engagementId,
          readAt: null,
          // Dates survive the trip through Redis as DateTime values.
          createdAt: notification.createdAt.toISOString(),
        },
      },
    });

    // Redis keeps the order of messages on a connection: once Bob has his own notification,
    // Alice's, published earlier, would have reached him already if it were going to.
    const bobs = await storeNotification(bob, 'ボブへのお知らせ');
    await platform.api.get(LiveNotifications).publish(bobs);
    await until(() => bobLive.results.length === 1);
    expect(bobLive.results.map((r) => (r.data as any).notificationAdded.id)).toEqual([bobs.id]);
    expect(aliceLive.results).toHaveLength(1);
    expect([...aliceLive.errors, ...bobLive.errors]).toEqual([]);
  });

  it('releases the Redis subscription when the subscription or the socket ends', async () => {
    const carol = await fixtures.signUp('carol');
    const client = connect(instanceB.url, { authorization: `Bearer ${carol.token}` });

    const first = listen(client);
    await eventually(async () => (await listeners(carol)) === 1);
    first.stop();
    await eventually(async () => (await listeners(carol)) === 0);

    const second = listen(client);
    await eventually(async () => (await listeners(carol)) === 1);
    await client.dispose();
    await eventually(async () => (await listeners(carol)) === 0);

    // Nothing is pushed to an ended subscription.
    await platform.api.get(LiveNotifications).publish(await storeNotification(carol, '後で'));
    expect([...first.results, ...second.results]).toEqual([]);
  });

  it('refuses a socket without a valid access token, with 4401 and the reason', async () => {
    const dave = await fixtures.signUp('dave');
    const expired = jwt.sign({ sub: dave.id, typ: 'access' }, TEST_JWT_SECRET, {
      algorithm: 'HS256',
      expiresIn: -60,
    });
    const cases: Array<[Record<string, unknown> | undefined, RegExp]> = [
      [undefined, /^Authentication required/],
      [{ authorization: dave.token }, /must be "Bearer <access token>"/],
      [{ authorization: 'Bearer not-a-token' }, /^Invalid access token$/],
      [{ authorization: `Bearer ${expired}` }, /^Access token expired$/],
    ];
    const instanceA = `${(await platform.api.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
    for (const [connectionParams, reason] of cases) {
      const refused = listen(connect(instanceA, connectionParams));
      await until(() => refused.errors.length === 1);
      expect(refused.errors[0]).toMatchObject({
        code: 4401,
        reason: expect.stringMatching(reason),
      });
      expect(refused.results).toEqual([]);
    }
  });

  it('closes the socket with 4401 when its access token expires', async () => {
    const frank = await fixtures.signUp('frank');
    // Signed as TokenService signs (HS256, typ "access", no issuer or audience), to expire in
    // 2 to 3 seconds: `exp` is in whole seconds.
    const exp = Math.floor(Date.now() / 1000) + 3;
    const shortLived = jwt.sign({ sub: frank.id, typ: 'access', exp }, TEST_JWT_SECRET, {
      algorithm: 'HS256',
    });
    const live = listen(connect(instanceB.url, { authorization: `Bearer ${shortLived}` }));
    await eventually(async () => (await listeners(frank)) === 1);

    // Until it expires, the token is as good as any.
    const notification = await storeNotification(frank, '期限前のお知らせ');
    await platform.api.get(LiveNotifications).publish(notification);
    await until(() => live.results.length === 1);
    expect(live.errors).toEqual([]);

    await until(() => live.errors.length === 1);
    expect(live.errors[0]).toMatchObject({ code: 4401, reason: 'Access token expired' });
    // Not before the expiry, give or take the millisecond a timer may run early by the wall clock.
    expect(live.failedAt).toBeGreaterThanOrEqual(exp * 1000 - 5);
    await eventually(async () => (await listeners(frank)) === 0);
  });

  it('serves only valid subscriptions over the socket; queries keep to HTTP', async () => {
    const erin = await fixtures.signUp('erin');
    const client = connect(instanceB.url, { authorization: `Bearer ${erin.token}` });

    const query = listen(client, '{ unreadNotificationCount }');
    await until(() => query.errors.length === 1);
    expect(query.errors[0]).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } }),
    ]);

    const invalid = listen(client, 'subscription { notificationAdded { nope } }');
    await until(() => invalid.errors.length === 1);
    expect(invalid.errors[0]).toEqual([
      expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
  });

  // A fan-out pushes each recipient's notification with a PUBLISH of its own, all in one turn of
  // the event loop: the live channel's publisher sends such a turn's commands in one socket write
  // (each write a system call), and every message still arrives.
  it('sends the publishes of one event-loop turn to Redis in one write', async () => {
    const { publisher, subscriber } = createLiveChannelConnections(process.env.REDIS_URL!);
    try {
      const channel = `test.live-batch.${randomUUID()}`;
      const received: string[] = [];
      subscriber.on('message', (_channel: string, message: string) => received.push(message));
      await subscriber.subscribe(channel);
      await publisher.connect();
      const socket = publisher.stream;
      const write = jest.spyOn(socket, 'write');
      const messages = Array.from({ length: 30 }, (_, i) => `m${i}`);
      await Promise.all(messages.map((m) => publisher.publish(channel, m)));
      expect(write).toHaveBeenCalledTimes(1);
      await until(() => received.length === messages.length);
      expect(received).toEqual(messages);
    } finally {
      await Promise.all([publisher, subscriber].map(closeRedisConnection));
    }
  });
});
