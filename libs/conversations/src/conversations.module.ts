import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { ParticipantsModule } from '@tsunagu/participants';
import { ConversationGuardianCopies } from './conversation-guardian-copies';
import { ConversationPersonalData } from './conversation-personal-data';
import { ConversationAudiences } from './conversation-audiences';
import { CONVERSATION_ENTITIES } from './conversation.entities';
import { ConversationService } from './conversation.service';
import { ConversationSubscriber } from './conversation-subscriber';
import { LiveMessages } from './live-messages';

// Message threads of engagements and scout offers.
@Module({
  imports: [TypeOrmModule.forFeature(CONVERSATION_ENTITIES), IdentityModule, ParticipantsModule],
  providers: [
    ConversationService,
    ConversationSubscriber,
    ConversationGuardianCopies,
    ConversationAudiences,
    ConversationPersonalData,
    LiveMessages,
  ],
  exports: [ConversationService, LiveMessages],
})
export class ConversationsModule {}
