import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import {
  ConversationConnection,
  ConversationService,
  ConversationType,
  LiveMessages,
  MessageConnection,
  MessagesArgs,
  MessageThrottle,
  MessageType,
  SendMessageInput,
  toConversationType,
  toLiveMessage,
  toMessageType,
} from '@tsunagu/conversations';
import { ScoutOfferType } from '@tsunagu/engagements';
import { Actor } from '@tsunagu/identity';
import { AsParent, Authenticated, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestLoaders } from '../graphql/data-loaders';

@Resolver(() => ConversationType)
export class ConversationResolver {
  constructor(
    private readonly conversations: ConversationService,
    private readonly throttle: MessageThrottle,
    private readonly live: LiveMessages,
  ) {}

  @Authenticated()
  @Query(() => ConversationConnection, {
    description: 'The threads you take part in, the most recently active first.',
  })
  async myConversations(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
  ): Promise<Connection<ConversationType>> {
    return mapConnection(await this.conversations.mine(actor, page), (view) =>
      toConversationType(view, actor),
    );
  }

  @Authenticated()
  @Query(() => Int, { description: 'Unread messages in all your threads.' })
  unreadMessageCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.conversations.unreadTotal(actor);
  }

  @ServiceChecks('conversationParty')
  @Query(() => ConversationType)
  async conversation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ConversationType> {
    return toConversationType(await this.conversations.get(actor, id), actor);
  }

  @ServiceChecks('conversationParty')
  @Query(() => ConversationType, { description: 'The thread of an engagement (application).' })
  async engagementConversation(
    @CurrentActor() actor: Actor,
    @Args('engagementId', { type: () => ID }) engagementId: string,
  ): Promise<ConversationType> {
    const view = await this.conversations.forParent(actor, { engagementId });
    return toConversationType(view, actor);
  }

  @ServiceChecks('conversationParty')
  @Query(() => ConversationType, { description: 'The thread of a scout offer.' })
  async scoutOfferConversation(
    @CurrentActor() actor: Actor,
    @Args('scoutOfferId', { type: () => ID }) scoutOfferId: string,
  ): Promise<ConversationType> {
    const view = await this.conversations.forParent(actor, { scoutOfferId });
    return toConversationType(view, actor);
  }

  @ServiceChecks('conversationParty')
  @Query(() => MessageConnection, { description: "A thread's messages, newest first." })
  async messages(
    @CurrentActor() actor: Actor,
    @Args() args: MessagesArgs,
  ): Promise<Connection<MessageType>> {
    return mapConnection(await this.conversations.messages(actor, args.conversationId, args), (m) =>
      toMessageType(m, actor.userId),
    );
  }

  @ServiceChecks('conversationParty')
  @Mutation(() => MessageType, {
    description:
      'Write in a thread you take part in: text, 1 to 2,000 characters. At most MESSAGES_PER_USER_PER_MINUTE (30) a minute.',
  })
  async sendMessage(
    @CurrentActor() actor: Actor,
    @Args('input') input: SendMessageInput,
  ): Promise<MessageType> {
    const message = await this.throttle.send(actor.userId, () =>
      this.conversations.send(actor, input.conversationId, input.body),
    );
    // Stored already: readers who miss the push see it when they next load the thread.
    await this.live.publish(toLiveMessage(message)).catch(() => undefined);
    return toMessageType(message, actor.userId);
  }

  @ServiceChecks('conversationParty')
  @Mutation(() => ConversationType, {
    description: 'Marks the thread read up to its last message.',
  })
  async markConversationRead(
    @CurrentActor() actor: Actor,
    @Args('conversationId', { type: () => ID }) conversationId: string,
  ): Promise<ConversationType> {
    return toConversationType(await this.conversations.markRead(actor, conversationId), actor);
  }

  @ServiceChecks('conversationParty')
  @Subscription(() => MessageType, {
    description:
      'New messages in a thread you may read, as they are sent (graphql-ws on /graphql).',
    resolve: (message: MessageType) => message,
  })
  async messageAdded(
    @CurrentActor() actor: Actor,
    @Args('conversationId', { type: () => ID }) conversationId: string,
  ): Promise<AsyncIterableIterator<MessageType>> {
    await this.conversations.readable(actor, conversationId);
    return this.live.subscribe(conversationId, actor.userId);
  }
}

// A scout offer's thread on the offer itself, so a page of offers asks for all their threads in
// one batch instead of one query per card.
@Resolver(() => ScoutOfferType)
export class ScoutOfferConversationResolver {
  @AsParent()
  @ResolveField(() => ConversationType, {
    nullable: true,
    description:
      "The offer's thread, for its parties (the participant, the project's region and covering intermediaries); null for others.",
  })
  async conversation(
    @Parent() offer: ScoutOfferType,
    @CurrentActor() actor: Actor,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ConversationType | null> {
    const view = await loaders.scoutOfferConversation(actor).load(offer.id);
    return view && toConversationType(view, actor);
  }
}
