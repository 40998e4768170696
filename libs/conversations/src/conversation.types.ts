import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, Paginated } from '@tsunagu/core';
import { ProjectType } from '@tsunagu/projects';
import { IsString, IsUUID, Length } from 'class-validator';
import { ConversationRole, MESSAGE_MAX } from './conversation.entities';

export enum ConversationKind {
  ENGAGEMENT = 'ENGAGEMENT',
  SCOUT_OFFER = 'SCOUT_OFFER',
}

registerEnumType(ConversationRole, {
  name: 'ConversationRole',
  description: 'In which capacity someone takes part in a thread.',
});
registerEnumType(ConversationKind, {
  name: 'ConversationKind',
  description: 'What the thread is about: an engagement (application) or a scout offer.',
});

@ObjectType('Message', { description: 'A message in a thread: text only.' })
export class MessageType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  conversationId!: string;

  @Field(() => Int, { description: 'Its number in the thread, from 1, in the order sent.' })
  seq!: number;

  @Field()
  body!: string;

  @Field(() => String, {
    nullable: true,
    description: "The author's display name; null once their account is gone.",
  })
  authorName!: string | null;

  @Field(() => ConversationRole)
  authorRole!: ConversationRole;

  @Field({ description: 'Whether you wrote it.' })
  mine!: boolean;

  @Field()
  createdAt!: Date;
}

export const MessageConnection = Paginated(MessageType);

@ObjectType('Conversation', {
  description:
    "A message thread of an engagement or a scout offer, between the participant, the project's region and the intermediaries covering its place. Display names only: contact details are shared by engagementContacts once approved.",
})
export class ConversationType {
  @Field(() => ID)
  id!: string;

  @Field(() => ConversationKind)
  kind!: ConversationKind;

  @Field(() => ID, { nullable: true })
  engagementId!: string | null;

  @Field(() => ID, { nullable: true })
  scoutOfferId!: string | null;

  @Field(() => ProjectType)
  project!: ProjectType;

  @Field({ description: "The participant's display name." })
  participantName!: string;

  @Field(() => [ConversationRole], {
    description: 'Your roles in the thread; empty for a platform admin, who only reads.',
  })
  myRoles!: ConversationRole[];

  @Field({
    description: 'Whether you are a party, who writes while the thread is open (admins only read).',
  })
  canWrite!: boolean;

  @Field({
    description:
      'No new messages (sendMessage refuses with CONVERSATION_CLOSED): the engagement was declined, withdrawn or cancelled, or completed and its project archived.',
  })
  closed!: boolean;

  @Field(() => Int)
  messageCount!: number;

  @Field(() => Int, { description: 'Messages you have not read yet.' })
  unreadCount!: number;

  @Field(() => MessageType, { nullable: true })
  lastMessage!: MessageType | null;

  @Field(() => Date, { nullable: true })
  lastMessageAt!: Date | null;

  @Field()
  createdAt!: Date;
}

export const ConversationConnection = Paginated(ConversationType);

@InputType()
export class SendMessageInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a conversation id' })
  conversationId!: string;

  @Field({ description: `Text, 1 to ${MESSAGE_MAX.toLocaleString('en')} characters once trimmed` })
  @IsString()
  @Length(1, MESSAGE_MAX, { message: 'must be 1 to 2,000 characters' })
  body!: string;
}

@ArgsType()
export class MessagesArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a conversation id' })
  conversationId!: string;
}
