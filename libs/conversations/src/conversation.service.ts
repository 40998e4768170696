import { Injectable } from '@nestjs/common';
import {
  AppError,
  ConflictReason,
  byId,
  byInteger,
  byTimestamp,
  Connection,
  DomainEventPublisher,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { Actor, OrganizationKind, PolicyService, remitCoversSql } from '@tsunagu/identity';
import { EngagementStatus } from '@tsunagu/engagements';
import { ProjectStatus } from '@tsunagu/projects';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { MESSAGE_POSTED } from './conversation-events';
import { Conversation, ConversationMessage, ConversationReadMarker } from './conversation.entities';
import { ConversationAccess, conversationAccess } from './conversation-parties';
import { isThreadClosed } from './conversation-closing';

// A thread as one reader sees it.
export interface ConversationView {
  conversation: Conversation;
  access: ConversationAccess;
  // No new messages: the engagement is over (isThreadClosed).
  closed: boolean;
  unreadCount: number;
  lastMessage: ConversationMessage | null;
}

type Parent = { engagementId: string } | { scoutOfferId: string };

// Threads and their messages. Sends to one thread queue on its row, which numbers the messages
// in commit order; each person's read marker is the last number they have seen.
@Injectable()
export class ConversationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly events: DomainEventPublisher,
  ) {}

  // The thread of an engagement or a scout offer, opened with it by the subscriber (idempotent;
  // the migration opened those of parents made before threads existed).
  async open(m: EntityManager, parent: Parent): Promise<void> {
    if ('engagementId' in parent) {
      await m.query(
        `INSERT INTO conversation (engagement_id, project_id, participant_id)
         SELECT e.id, e.project_id, e.participant_id FROM engagement e WHERE e.id = $1
         ON CONFLICT (engagement_id) WHERE engagement_id IS NOT NULL DO NOTHING`,
        [parent.engagementId],
      );
    } else {
      await m.query(
        `INSERT INTO conversation (scout_offer_id, project_id, participant_id)
         SELECT s.id, s.project_id, s.participant_id FROM scout_offer s WHERE s.id = $1
         ON CONFLICT (scout_offer_id) WHERE scout_offer_id IS NOT NULL DO NOTHING`,
        [parent.scoutOfferId],
      );
    }
  }

  async forParent(actor: Actor, parent: Parent): Promise<ConversationView> {
    const what = 'engagementId' in parent ? 'Engagement' : 'Scout offer';
    const id = 'engagementId' in parent ? parent.engagementId : parent.scoutOfferId;
    const found = await this.threads().where(this.parentCondition(parent), { id }).getOne();
    // Someone who may not read the thread does not learn whether its parent exists.
    if (!found || !this.accessTo(actor, found).canRead) throw AppError.notFound(what, id);
    return this.view(actor, found);
  }

  // The threads of a page of scout offers in one go, in the order asked: null where there is
  // none the actor may read (not a party, or not opened yet).
  async forScoutOffers(
    actor: Actor,
    scoutOfferIds: readonly string[],
  ): Promise<Array<ConversationView | null>> {
    if (scoutOfferIds.length === 0) return [];
    const found = await this.threads()
      .where('c.scoutOfferId IN (:...ids)', { ids: scoutOfferIds })
      .getMany();
    const views = await this.views(
      actor,
      found.filter((t) => this.accessTo(actor, t).canRead),
    );
    const byOffer = new Map(views.map((v) => [v.conversation.scoutOfferId, v]));
    return scoutOfferIds.map((id) => byOffer.get(id) ?? null);
  }

  async get(actor: Actor, id: string): Promise<ConversationView> {
    return this.view(actor, await this.readable(actor, id));
  }

  // The threads the actor is a party of, the most recently active first.
  async mine(actor: Actor, page: Page): Promise<Connection<ConversationView>> {
    const threads = await paginateKeyset(this.scopedTo(actor, this.threads()), {
      ...page,
      keys: [byTimestamp('c.lastActivityAt'), byId('c.id')],
    });
    const views = await this.views(
      actor,
      threads.edges.map((e) => e.node),
    );
    return {
      pageInfo: threads.pageInfo,
      edges: threads.edges.map((e, i) => ({ cursor: e.cursor, node: views[i] })),
    };
  }

  // Unread messages in all the actor's threads.
  async unreadTotal(actor: Actor): Promise<number> {
    const qb = this.scopedTo(
      actor,
      this.dataSource
        .getRepository(Conversation)
        .createQueryBuilder('c')
        .innerJoin('c.project', 'p')
        .leftJoin(ConversationReadMarker, 'r', 'r.conversationId = c.id AND r.userId = :me', {
          me: actor.userId,
        })
        .select('COALESCE(SUM(c.messageCount - COALESCE(r.lastReadSeq, 0)), 0)', 'unread'),
    );
    const row = await qb.getRawOne<{ unread: string }>();
    return Number(row?.unread ?? 0);
  }

  // Newest first; the cursor is the message's number in the thread.
  async messages(
    actor: Actor,
    conversationId: string,
    page: Page,
  ): Promise<Connection<ConversationMessage>> {
    await this.readable(actor, conversationId);
    const qb = this.withAuthor(
      this.dataSource
        .getRepository(ConversationMessage)
        .createQueryBuilder('m')
        .where('m.conversationId = :conversationId', { conversationId }),
    );
    return paginateKeyset(qb, { ...page, keys: [byInteger('m.seq'), byId('m.id')] });
  }

  // The body is trimmed and 1..MESSAGE_MAX characters already (SendMessageInput).
  async send(actor: Actor, conversationId: string, body: string): Promise<ConversationMessage> {
    const id = await this.dataSource.transaction(async (m) => {
      const thread = await this.readable(actor, conversationId, m);
      const access = this.accessTo(actor, thread);
      this.policy.assert(access.canWrite, 'Platform admins read threads; only their parties write');
      await this.assertOpen(m, thread);
      // The row lock queues concurrent sends: numbers follow commit order without gaps.
      const [[counted]] = await m.query<[[{ message_count: number }], number]>(
        `UPDATE conversation
            SET message_count = message_count + 1,
                last_message_at = clock_timestamp(), last_activity_at = clock_timestamp()
          WHERE id = $1 RETURNING message_count`,
        [conversationId],
      );
      const seq = counted.message_count;
      const inserted = await m.insert(ConversationMessage, {
        conversationId,
        seq,
        authorId: actor.userId,
        authorRole: access.roles[0],
        body,
        // Taken under the lock (now() is the transaction's start): times follow the numbers.
        createdAt: () => 'clock_timestamp()',
      });
      const messageId = (inserted.identifiers[0] as { id: string }).id;
      // Whoever writes has read the thread up to their own message.
      await this.advanceMarker(m, actor.userId, conversationId, seq);
      await this.events.publish(m, MESSAGE_POSTED, { messageId }, [messageId]);
      return messageId;
    });
    return this.withAuthor(
      this.dataSource.getRepository(ConversationMessage).createQueryBuilder('m'),
    )
      .where('m.id = :id', { id })
      .getOneOrFail();
  }

  // Marks everything in the thread so far as read by the actor.
  async markRead(actor: Actor, conversationId: string): Promise<ConversationView> {
    const thread = await this.readable(actor, conversationId);
    this.policy.assert(
      this.accessTo(actor, thread).canWrite,
      'Only the parties of a thread keep a read marker in it',
    );
    await this.advanceMarker(
      this.dataSource.manager,
      actor.userId,
      conversationId,
      thread.messageCount,
    );
    return this.view(actor, thread);
  }

  // The thread, if the actor may read it; NOT_FOUND otherwise, so its existence does not leak.
  async readable(
    actor: Actor,
    id: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<Conversation> {
    const thread = await this.threads(m).where('c.id = :id', { id }).getOne();
    if (!thread || !this.accessTo(actor, thread).canRead) {
      throw AppError.notFound('Conversation', id);
    }
    return thread;
  }

  // Read under share locks on the engagement and its project, so an engagement ending (or its
  // project being archived) meanwhile either waits for this message or refuses it.
  private async assertOpen(m: EntityManager, thread: Conversation): Promise<void> {
    if (!thread.engagementId) return;
    const [row] = await m.query<Array<{ engagement_status: string; project_status: string }>>(
      `SELECT e.status AS engagement_status, p.status AS project_status
         FROM engagement e JOIN project p ON p.id = e.project_id
        WHERE e.id = $1 FOR SHARE OF e, p`,
      [thread.engagementId],
    );
    const closed =
      row &&
      isThreadClosed({
        engagementStatus: row.engagement_status as EngagementStatus,
        projectStatus: row.project_status as ProjectStatus,
      });
    if (closed) {
      throw AppError.conflict(
        ConflictReason.CONVERSATION_CLOSED,
        'This thread is closed: its engagement is over, so it takes no new messages',
      );
    }
  }

  private accessTo(actor: Actor, thread: Conversation): ConversationAccess {
    return conversationAccess(this.policy, actor, {
      participantId: thread.participantId,
      project: thread.project!,
    });
  }

  // Never moves back: a slow mark-read does not undo a later one.
  private async advanceMarker(
    m: EntityManager,
    userId: string,
    conversationId: string,
    seq: number,
  ): Promise<void> {
    await m.query(
      `INSERT INTO conversation_read_marker (conversation_id, user_id, last_read_seq, read_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (conversation_id, user_id) DO UPDATE
         SET last_read_seq = GREATEST(conversation_read_marker.last_read_seq, EXCLUDED.last_read_seq),
             read_at = EXCLUDED.read_at`,
      [conversationId, userId, seq],
    );
  }

  private async view(actor: Actor, thread: Conversation): Promise<ConversationView> {
    const [view] = await this.views(actor, [thread]);
    return view;
  }

  // Unread counts and last messages of a page of threads, in two queries.
  private async views(actor: Actor, threads: Conversation[]): Promise<ConversationView[]> {
    if (threads.length === 0) return [];
    const ids = threads.map((t) => t.id);
    const markers = await this.dataSource
      .getRepository(ConversationReadMarker)
      .createQueryBuilder('r')
      .where('r.userId = :me AND r.conversationId IN (:...ids)', { me: actor.userId, ids })
      .getMany();
    const last = await this.withAuthor(
      this.dataSource
        .getRepository(ConversationMessage)
        .createQueryBuilder('m')
        .innerJoin(Conversation, 'c', 'c.id = m.conversationId AND m.seq = c.messageCount')
        .where('m.conversationId IN (:...ids)', { ids }),
    ).getMany();
    const readUpTo = new Map(markers.map((r) => [r.conversationId, r.lastReadSeq]));
    const lastOf = new Map(last.map((msg) => [msg.conversationId, msg]));
    return threads.map((conversation) => {
      const access = this.accessTo(actor, conversation);
      return {
        conversation,
        access,
        closed: isThreadClosed({
          engagementStatus: conversation.engagement?.status ?? null,
          projectStatus: conversation.project!.status,
        }),
        // Readers who are no party (admins) keep no marker and have nothing unread.
        unreadCount: access.canWrite
          ? Math.max(0, conversation.messageCount - (readUpTo.get(conversation.id) ?? 0))
          : 0,
        lastMessage: lastOf.get(conversation.id) ?? null,
      };
    });
  }

  // The threads whose parties include the actor, by the rule of conversationAccess: their own,
  // their regions' projects', and those of projects their remits cover.
  private scopedTo<T extends object>(
    actor: Actor,
    qb: SelectQueryBuilder<T>,
  ): SelectQueryBuilder<T> {
    const regionIds = actor.memberships
      .filter((x) => x.organizationKind === OrganizationKind.REGION)
      .map((x) => x.organizationId);
    const remit = this.policy.remitOf(actor);
    return qb.andWhere(
      new Brackets((w) => {
        w.where('c.participantId = :me', { me: actor.userId });
        if (regionIds.length > 0) {
          w.orWhere('p.regionOrganizationId IN (:...regionIds)', { regionIds });
        }
        if (remit) {
          w.orWhere(
            remitCoversSql(
              { prefectureCodes: ':prefectureCodes', municipalityCodes: ':municipalityCodes' },
              { prefectureCode: 'p.prefectureCode', municipalityCode: 'p.municipalityCode' },
            ),
            remit,
          );
        }
      }),
    );
  }

  private parentCondition(parent: Parent): string {
    return 'engagementId' in parent ? 'c.engagementId = :id' : 'c.scoutOfferId = :id';
  }

  // The thread with its project and its participant's display name (never contact details).
  private threads(m: EntityManager = this.dataSource.manager): SelectQueryBuilder<Conversation> {
    return m
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.project', 'p')
      .leftJoin('c.engagement', 'e')
      .addSelect(['e.id', 'e.status'])
      .innerJoin('c.participant', 'pu')
      .addSelect(['pu.id', 'pu.displayName']);
  }

  // Authors by display name only: no e-mail reaches a thread.
  private withAuthor(
    qb: SelectQueryBuilder<ConversationMessage>,
  ): SelectQueryBuilder<ConversationMessage> {
    return qb.leftJoin('m.author', 'au').addSelect(['au.id', 'au.displayName']);
  }
}
