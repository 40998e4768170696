import { LiveMessages } from '@tsunagu/conversations';
import { createClient } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { drained, eventually, startTestPlatform, TestPlatform } from './support/test-platform';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';

// Each test's region is in a prefecture of its own, so the intermediary covering it (and its
// inbox and unread counts) sees no other test's threads.
const PLACES = {
  ojiya: '152081', // 小千谷市, 新潟県
  ichinoseki: '032093', // 一関市, 岩手県
  agematsu: '204226', // 上松町, 長野県
  nanbuTottori: '313891', // 南部町, 鳥取県
  nanbuYamanashi: '193666', // 南部町, 山梨県
  nanbuAomori: '024457', // 南部町, 青森県
  bihoro: '015431', // 美幌町, 北海道 (the outsiders')
} as const;
// Small enough to reach in a test, large enough for each party's share of the race below.
const SEND_LIMIT = 12;

const THREAD = `id kind engagementId scoutOfferId participantName myRoles canWrite closed messageCount
  unreadCount lastMessageAt project { id title } lastMessage { seq body authorName authorRole mine }`;
const MESSAGE = 'id conversationId seq body authorName authorRole mine createdAt';

const ENGAGEMENT_THREAD = `query($engagementId: ID!) { engagementConversation(engagementId: $engagementId) { ${THREAD} } }`;
const OFFER_THREAD = `query($scoutOfferId: ID!) { scoutOfferConversation(scoutOfferId: $scoutOfferId) { ${THREAD} } }`;
const GET = `query($id: ID!) { conversation(id: $id) { ${THREAD} } }`;
const MINE = `query($first: Int, $after: String) { myConversations(first: $first, after: $after) {
  edges { node { ${THREAD} } } pageInfo { hasNextPage endCursor } } unreadMessageCount }`;
const MESSAGES = `query($conversationId: ID!, $first: Int, $after: String) {
  messages(conversationId: $conversationId, first: $first, after: $after) {
    edges { node { ${MESSAGE} } } pageInfo { hasNextPage endCursor } } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { ${MESSAGE} } }`;
const MARK_READ = `mutation($conversationId: ID!) { markConversationRead(conversationId: $conversationId) { unreadCount } }`;
const UNREAD = `{ unreadMessageCount }`;

// Message threads of engagements and scout offers: who reads and writes, limits, order, unread
// counts, notifications, and sends racing on one thread.
describe('conversations', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;

  beforeAll(async () => {
    platform = await startTestPlatform({
      worker: true,
      env: { MESSAGES_PER_USER_PER_MINUTE: String(SEND_LIMIT) },
    });
    f = new Fixtures(platform);
    admin = await f.admin();
  });

  afterAll(() => platform.close());

  // A region (two staff) with an intermediary covering it, a participant who applied to its
  // project, and outsiders: another region's staff, another intermediary, another participant.
  async function scene(municipalityCode: string) {
    const s = await f.supervisedRegion({
      admin,
      municipalityCode,
      regionStaff: ['ojiya-staff', 'ojiya-colleague'],
      hubStaff: ['niigata-hub'],
      participants: ['applicant', 'stranger'],
    });
    const away = await f.supervisedRegion({
      admin,
      municipalityCode: PLACES.bihoro,
      regionStaff: ['bihoro-staff'],
      hubStaff: ['hokkaido-hub'],
      project: false,
    });
    const [applicant, stranger] = s.participants;
    const applied = expectData(
      await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId: s.projectId, motivation: '週末に町の発信を手伝いたいです。' } },
        applicant.token,
      ),
    );
    const engagementId: string = applied.applyToProject.id;
    const thread = expectData(
      await platform.gql(ENGAGEMENT_THREAD, { engagementId }, applicant.token),
    ).engagementConversation;
    return {
      ...s,
      applicant,
      stranger,
      staff: s.regionTeam[0],
      colleague: s.regionTeam[1],
      hub: s.hubStaff,
      outsiders: { otherRegion: away.regionStaff, otherHub: away.hubStaff, stranger },
      engagementId,
      conversationId: thread.id as string,
    };
  }

  const send = (who: Person, conversationId: string, body: string) =>
    platform.gql(SEND, { input: { conversationId, body } }, who.token);
  const sent = async (who: Person, conversationId: string, body: string) =>
    expectData(await send(who, conversationId, body)).sendMessage;
  const threadAs = async (who: Person, id: string) =>
    expectData(await platform.gql(GET, { id }, who.token)).conversation;
  const unreadTotal = async (who: Person) =>
    expectData(await platform.gql(UNREAD, {}, who.token)).unreadMessageCount as number;

  it('opens a thread with the application that its parties read and write, by display name only', async () => {
    const s = await scene(PLACES.ojiya);
    const inbox = expectData(await platform.gql(MINE, {}, s.applicant.token)).myConversations;
    expect(inbox.edges.map((e: any) => e.node.id)).toEqual([s.conversationId]);
    expect(inbox.edges[0].node).toMatchObject({
      kind: 'ENGAGEMENT',
      engagementId: s.engagementId,
      participantName: 'applicant',
      myRoles: ['PARTICIPANT'],
      canWrite: true,
      messageCount: 0,
      lastMessage: null,
    });

    const first = await sent(
      s.applicant,
      s.conversationId,
      '  はじめまして。駐車場はありますか？ \n',
    );
    expect(first).toMatchObject({
      seq: 1,
      body: 'はじめまして。駐車場はありますか？',
      authorName: 'applicant',
      authorRole: 'PARTICIPANT',
      mine: true,
    });
    await sent(s.staff, s.conversationId, '役場の前に停められます。');
    await sent(s.hub, s.conversationId, '当日は私も同行します。');

    for (const [who, roles] of [
      [s.staff, ['REGION']],
      [s.colleague, ['REGION']],
      [s.hub, ['INTERMEDIARY']],
    ] as const) {
      const thread = await threadAs(who, s.conversationId);
      expect(thread).toMatchObject({ myRoles: roles, canWrite: true, messageCount: 3 });
      expect(thread.lastMessage).toMatchObject({
        seq: 3,
        authorRole: 'INTERMEDIARY',
        mine: who === s.hub,
      });
      // The region's inbox lists it as well.
      const mine = expectData(await platform.gql(MINE, {}, who.token)).myConversations;
      expect(mine.edges.map((e: any) => e.node.id)).toContain(s.conversationId);
    }
    const messages = expectData(
      await platform.gql(MESSAGES, { conversationId: s.conversationId }, s.colleague.token),
    ).messages;
    expect(messages.edges.map((e: any) => [e.node.authorName, e.node.authorRole])).toEqual([
      ['niigata-hub', 'INTERMEDIARY'],
      ['ojiya-staff', 'REGION'],
      ['applicant', 'PARTICIPANT'],
    ]);
    // Contact details are the engagement's to share once approved, never the thread's.
    const everything = JSON.stringify([messages, inbox]);
    expect(everything).not.toContain('@example.test');

    // Admins read, and do not write.
    expect((await threadAs(admin, s.conversationId)).canWrite).toBe(false);
    expect(rejection(await send(admin, s.conversationId, '管理者です')).extensions.code).toBe(
      'FORBIDDEN',
    );
    expect(
      rejection(await platform.gql(MARK_READ, { conversationId: s.conversationId }, admin.token))
        .extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('keeps outsiders out: NOT_FOUND for the thread, its messages, its parent and writing', async () => {
    const s = await scene(PLACES.ichinoseki);
    for (const outsider of Object.values(s.outsiders)) {
      const attempts = [
        await platform.gql(GET, { id: s.conversationId }, outsider.token),
        await platform.gql(MESSAGES, { conversationId: s.conversationId }, outsider.token),
        await platform.gql(ENGAGEMENT_THREAD, { engagementId: s.engagementId }, outsider.token),
        await send(outsider, s.conversationId, 'こんにちは'),
        await platform.gql(MARK_READ, { conversationId: s.conversationId }, outsider.token),
      ];
      expect(attempts.map((a) => rejection(a).extensions.code)).toEqual(
        Array(attempts.length).fill('NOT_FOUND'),
      );
      const inbox = expectData(await platform.gql(MINE, {}, outsider.token)).myConversations;
      expect(inbox.edges.map((e: any) => e.node.id)).not.toContain(s.conversationId);
    }
    expect(rejection(await platform.gql(UNREAD, {})).extensions.code).toBe('UNAUTHENTICATED');
    const stored = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM conversation_message WHERE conversation_id = $1`,
      [s.conversationId],
    );
    expect(stored[0].n).toBe(0);
  });

  it('pushes new messages to the parties who listen, and refuses outsiders', async () => {
    const s = await scene(PLACES.nanbuTottori);
    // The parties listen on two API instances, so each instance's Redis subscription shows.
    const other = await platform.startApi();
    const first = `${await platform.api.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
    const query = `subscription($conversationId: ID!) { messageAdded(conversationId: $conversationId) {
      ${MESSAGE} } }`;
    const listen = (who: Person, url: string) => {
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${who.token}` },
        retryAttempts: 0,
      });
      const received: any[] = [];
      const errors: any[] = [];
      const stop = client.subscribe(
        { query, variables: { conversationId: s.conversationId } },
        {
          next: (r) => (r.errors ? errors.push(...r.errors) : received.push(r.data?.messageAdded)),
          error: (e) => errors.push(...(Array.isArray(e) ? e : [e])),
          complete: () => {},
        },
      );
      const close = async () => {
        stop();
        await client.dispose();
      };
      return { received, errors, close };
    };
    const redis = new Redis(process.env.REDIS_URL!);
    const channel = platform.api.get(LiveMessages).channelFor(s.conversationId);
    const outsider = listen(s.outsiders.otherHub, other.url);
    const author = listen(s.applicant, other.url);
    const staff = listen(s.staff, first);
    try {
      await eventually(() => Promise.resolve(outsider.errors.length > 0));
      expect(outsider.errors[0].extensions.code).toBe('NOT_FOUND');
      await eventually(async () => {
        const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
        return Number(count) === 2;
      });
      const message = await sent(s.applicant, s.conversationId, '明日の集合場所を教えてください。');
      await eventually(() =>
        Promise.resolve(author.received.length > 0 && staff.received.length > 0),
      );
      const expected = {
        id: message.id,
        conversationId: s.conversationId,
        seq: 1,
        body: '明日の集合場所を教えてください。',
        authorName: 'applicant',
        authorRole: 'PARTICIPANT',
        createdAt: message.createdAt,
      };
      expect(author.received).toEqual([{ ...expected, mine: true }]);
      expect(staff.received).toEqual([{ ...expected, mine: false }]);
      expect(outsider.received).toEqual([]);
    } finally {
      await Promise.all([outsider, author, staff].map((x) => x.close()));
      redis.disconnect();
      await other.close();
    }
  });

  it('closes the thread of an engagement that is over: its parties read it, nobody writes', async () => {
    const s = await scene(PLACES.agematsu);
    const transition = (who: Person, engagementId: string, input: Record<string, unknown>) =>
      platform.gql(
        `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { status } }`,
        { input: { engagementId, ...input } },
        who.token,
      );
    const refusedAsClosed = async (who: Person, conversationId: string) =>
      expect(
        rejection(await send(who, conversationId, 'まだ届きますか？')).extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'CONVERSATION_CLOSED' });

    // Withdrawn: the thread keeps its messages and closes for every party.
    await sent(s.applicant, s.conversationId, '応募を取り下げます。');
    expect((await threadAs(s.applicant, s.conversationId)).closed).toBe(false);
    expectData(
      await transition(s.applicant, s.engagementId, { action: 'WITHDRAW', reason: '都合がつかず' }),
    );
    for (const party of [s.applicant, s.staff, s.hub]) {
      expect(await threadAs(party, s.conversationId)).toMatchObject({
        closed: true,
        canWrite: true,
        messageCount: 1,
      });
      await refusedAsClosed(party, s.conversationId);
    }
    expect((await threadAs(admin, s.conversationId)).closed).toBe(true);
    // Reading it still counts as read.
    expectData(await platform.gql(MARK_READ, { conversationId: s.conversationId }, s.staff.token));
    expect((await threadAs(s.applicant, s.conversationId)).messageCount).toBe(1);

    // Completed: open while the project lives, closed once it is archived.
    const applied = expectData(
      await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId: s.projectId, motivation: '週末に町の発信を手伝いたいです。' } },
        s.stranger.token,
      ),
    ).applyToProject.id as string;
    const steps: Array<[Person, Record<string, unknown>]> = [
      [s.staff, { action: 'ACCEPT' }],
      [
        s.hub,
        { action: 'APPROVE', terms: { startDate: '2027-01-10', hoursPerWeek: 4, goals: '発信' } },
      ],
      [s.hub, { action: 'START' }],
      [s.staff, { action: 'COMPLETE' }],
    ];
    for (const [who, input] of steps) expectData(await transition(who, applied, input));
    const completed = expectData(
      await platform.gql(ENGAGEMENT_THREAD, { engagementId: applied }, s.stranger.token),
    ).engagementConversation;
    expect(completed.closed).toBe(false);
    await sent(s.staff, completed.id, 'ありがとうございました。');
    for (const mutation of ['closeProject', 'archiveProject']) {
      expectData(
        await platform.gql(
          `mutation($id: ID!) { ${mutation}(id: $id) { status } }`,
          { id: s.projectId },
          s.staff.token,
        ),
      );
    }
    expect((await threadAs(s.stranger, completed.id)).closed).toBe(true);
    await refusedAsClosed(s.stranger, completed.id);
    await refusedAsClosed(s.hub, completed.id);
    expect((await threadAs(s.stranger, completed.id)).messageCount).toBe(1);
  });

  it('takes text of 1 to 2,000 characters once trimmed, and says which field is wrong', async () => {
    const s = await scene(PLACES.agematsu);
    for (const body of ['', ' \u3000\n ', 'あ'.repeat(2001)]) {
      const error = rejection(await send(s.applicant, s.conversationId, body));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields?.map((x) => x.path)).toEqual([['input', 'body']]);
    }
    const longest = await sent(s.applicant, s.conversationId, ` ${'あ'.repeat(2000)} `);
    expect([...longest.body]).toHaveLength(2000);
    const badId = rejection(await send(s.applicant, 'not-an-id', 'こんにちは'));
    expect(badId.extensions.fields?.map((x) => x.path)).toEqual([['input', 'conversationId']]);
  });

  it('pages messages newest first with cursors', async () => {
    const s = await scene(PLACES.nanbuTottori);
    for (let i = 1; i <= 5; i++)
      await sent(i % 2 ? s.applicant : s.staff, s.conversationId, `#${i}`);
    const pages: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const page = expectData(
        await platform.gql(
          MESSAGES,
          { conversationId: s.conversationId, first: 2, after },
          s.hub.token,
        ),
      ).messages;
      pages.push(page.edges.map((e: any) => e.node.body));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual([['#5', '#4'], ['#3', '#2'], ['#1']]);
    const forged = rejection(
      await platform.gql(
        MESSAGES,
        { conversationId: s.conversationId, after: Buffer.from('["x"]').toString('base64') },
        s.hub.token,
      ),
    );
    expect(forged.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('counts unread messages per thread and in total, moved by sending and reading', async () => {
    const s = await scene(PLACES.nanbuYamanashi);
    await sent(s.applicant, s.conversationId, '質問があります。');
    await sent(s.applicant, s.conversationId, '宿泊先はありますか？');
    expect((await threadAs(s.staff, s.conversationId)).unreadCount).toBe(2);
    expect(await unreadTotal(s.staff)).toBe(2);
    expect(await unreadTotal(s.hub)).toBe(2);
    // The author has nothing unread of their own.
    expect(await unreadTotal(s.applicant)).toBe(0);

    const marked = expectData(
      await platform.gql(MARK_READ, { conversationId: s.conversationId }, s.staff.token),
    ).markConversationRead;
    expect(marked.unreadCount).toBe(0);
    expect(await unreadTotal(s.staff)).toBe(0);
    // Each person reads for themself.
    expect(await unreadTotal(s.colleague)).toBe(2);

    await sent(s.staff, s.conversationId, 'ゲストハウスを紹介します。');
    expect(await unreadTotal(s.applicant)).toBe(1);
    expect(await unreadTotal(s.staff)).toBe(0);
    expect(await unreadTotal(s.colleague)).toBe(3);
    const inbox = expectData(await platform.gql(MINE, {}, s.applicant.token));
    expect(inbox.unreadMessageCount).toBe(1);
    expect(inbox.myConversations.edges[0].node).toMatchObject({
      unreadCount: 1,
      lastMessage: { body: 'ゲストハウスを紹介します。', authorName: 'ojiya-staff', mine: false },
    });
  });

  it('notifies every other party once, and not the author', async () => {
    const s = await scene(PLACES.nanbuAomori);
    await drained(platform);
    const message = await sent(
      s.applicant,
      s.conversationId,
      '来週の面談の時間を相談させてください。',
    );
    await drained(platform);
    const rows = await platform.dataSource.query<Array<{ recipient_id: string; n: number }>>(
      `SELECT recipient_id, count(*)::int AS n FROM notification
        WHERE type = 'MESSAGE_POSTED' AND data->>'conversationId' = $1 GROUP BY recipient_id`,
      [s.conversationId],
    );
    const counts = Object.fromEntries(rows.map((r) => [r.recipient_id, r.n]));
    expect(counts).toEqual({ [s.staff.id]: 1, [s.colleague.id]: 1, [s.hub.id]: 1 });

    const { myNotifications } = expectData(
      await platform.gql(
        `{ myNotifications(first: 5) { edges { node { type title body conversationId engagementId } } } }`,
        {},
        s.staff.token,
      ),
    );
    expect(myNotifications.edges.map((e: any) => e.node)).toContainEqual({
      type: 'MESSAGE_POSTED',
      title: 'applicantさんから「空き家バンクの立て直し」のメッセージ',
      body: 'applicantさんがメッセージを送りました。スレッドでお読みください。',
      conversationId: s.conversationId,
      engagementId: s.engagementId,
    });
    // The words stay in the thread, where erasing the author's account erases them: neither the
    // event nor the stored notifications keep a copy.
    const copies = await platform.dataSource.query<Array<{ n: number }>>(
      `SELECT (SELECT count(*) FROM notification n WHERE strpos(n::text, $1) > 0)
            + (SELECT count(*) FROM notification_event e WHERE strpos(e::text, $1) > 0) AS n`,
      [message.body],
    );
    expect(Number(copies[0].n)).toBe(0);
  });

  it('opens a thread with a scout offer, between the scouted participant and the sender', async () => {
    const s = await scene(PLACES.ojiya);
    const scouted = await f.participant('scouted');
    expectData(
      await f.saveProfile(scouted, {
        kind: 'PRO_BONO',
        homeMunicipalityCode: '131130',
        visibility: 'INTERMEDIARIES_AND_REGIONS',
      }),
    );
    const offer = expectData(
      await platform.gql(
        `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }`,
        {
          input: { projectId: s.projectId, participantId: scouted.id, message: 'ぜひ一度お話を' },
        },
        s.staff.token,
      ),
    ).sendScoutOffer;
    const thread = expectData(
      await platform.gql(OFFER_THREAD, { scoutOfferId: offer.id }, scouted.token),
    ).scoutOfferConversation;
    expect(thread).toMatchObject({
      kind: 'SCOUT_OFFER',
      scoutOfferId: offer.id,
      myRoles: ['PARTICIPANT'],
    });
    await sent(scouted, thread.id, '日程を教えてください。');
    expect((await threadAs(s.staff, thread.id)).unreadCount).toBe(1);

    // On the offers themselves, as their lists show them, for each party as they see it.
    const mine = expectData(
      await platform.gql(
        `{ myScoutOffers(first: 10) { edges { node { id conversation { id unreadCount } } } } }`,
        {},
        scouted.token,
      ),
    ).myScoutOffers.edges.map((e: { node: unknown }) => e.node);
    expect(mine).toEqual([{ id: offer.id, conversation: { id: thread.id, unreadCount: 0 } }]);
    const sentOffers = expectData(
      await platform.gql(
        `query($projectId: ID!) { projectScoutOffers(projectId: $projectId, first: 10) {
           edges { node { id conversation { id unreadCount } } } } }`,
        { projectId: s.projectId },
        s.staff.token,
      ),
    ).projectScoutOffers.edges.map((e: { node: unknown }) => e.node);
    expect(sentOffers).toEqual([{ id: offer.id, conversation: { id: thread.id, unreadCount: 1 } }]);
    expect(
      rejection(await platform.gql(OFFER_THREAD, { scoutOfferId: offer.id }, s.applicant.token))
        .extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('numbers racing sends without gaps, more of them than the pool holds', async () => {
    const s = await scene(PLACES.ichinoseki);
    const parties = [s.applicant, s.staff, s.hub];
    const perParty = 8;
    const results = await Promise.all(
      parties.flatMap((who, p) =>
        Array.from({ length: perParty }, (_, i) => sent(who, s.conversationId, `${p}-${i}`)),
      ),
    );
    const total = parties.length * perParty;
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
    const thread = await threadAs(s.colleague, s.conversationId);
    expect(thread).toMatchObject({ messageCount: total, unreadCount: total });
    const stored = await platform.dataSource.query<Array<{ seq: number; created_at: Date }>>(
      `SELECT seq, created_at FROM conversation_message WHERE conversation_id = $1 ORDER BY seq`,
      [s.conversationId],
    );
    // Numbers follow the order the sends committed in.
    const times = stored.map((r) => r.created_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Each sender has read up to their own last message at least.
    for (const who of parties) {
      const own = results.filter((r, i) => Math.floor(i / perParty) === parties.indexOf(who));
      const lastOwn = Math.max(...own.map((r) => r.seq));
      expect((await threadAs(who, s.conversationId)).unreadCount).toBe(total - lastOwn);
    }
  });

  it('limits how fast one person sends', async () => {
    const s = await scene(PLACES.agematsu);
    const outcomes = await Promise.all(
      Array.from({ length: SEND_LIMIT + 3 }, (_, i) => send(s.applicant, s.conversationId, `${i}`)),
    );
    const refused = outcomes.filter((o) => o.errors?.[0]?.extensions.code === 'TOO_MANY_REQUESTS');
    expect(outcomes.length - refused.length).toBe(SEND_LIMIT);
    expect(refused).toHaveLength(3);
    // Someone else in the thread is not held back by the participant's budget.
    await sent(s.staff, s.conversationId, '大丈夫ですか？');
  });
});
