import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, Paginated } from '@tsunagu/core';
import { OrganizationType } from '@tsunagu/identity';
import { ProjectType } from '@tsunagu/projects';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ApplicantType } from '../lifecycle/engagement.types';
import { ScoutOfferStatus } from './scout-offer.entity';
import { APPLICATION_ID_DEPRECATION } from '../lifecycle/engagement-reference';

export enum ScoutOfferResponse {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
}

registerEnumType(ScoutOfferStatus, {
  name: 'ScoutOfferStatus',
  valuesMap: {
    PENDING: { description: 'Waiting for the participant, and not yet expired' },
    EXPIRED: { description: 'Not answered before expiresAt: it can no longer be accepted' },
  },
});
registerEnumType(ScoutOfferResponse, { name: 'ScoutOfferResponse' });

export const SCOUT_MESSAGE_MAX = 2000;
export const SCOUT_EXPIRY_DAYS = { min: 1, max: 30, default: 14 } as const;

const EXPIRY_MESSAGE = `must be ${SCOUT_EXPIRY_DAYS.min} to ${SCOUT_EXPIRY_DAYS.max} days`;

@ObjectType('ScoutOffer', {
  description: "A region's or intermediary's invitation to a participant to join a project.",
})
export class ScoutOfferType {
  @Field(() => ID)
  id!: string;

  @Field(() => ProjectType)
  project!: ProjectType;

  @Field(() => ApplicantType, { description: 'Who the offer is addressed to.' })
  participant!: ApplicantType;

  @Field(() => OrganizationType, { description: 'The region or intermediary that sent it.' })
  senderOrganization!: OrganizationType;

  @Field(() => String, { nullable: true, description: 'The staff member who sent it.' })
  sentByName!: string | null;

  @Field()
  message!: string;

  @Field(() => ScoutOfferStatus)
  status!: ScoutOfferStatus;

  @Field()
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  respondedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The participant's note with the answer." })
  responseNote!: string | null;

  @Field(() => ID, { nullable: true, description: 'The application an accepted offer created.' })
  engagementId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The application an accepted offer created.',
    deprecationReason: APPLICATION_ID_DEPRECATION,
  })
  applicationId!: string | null;

  @Field()
  createdAt!: Date;
}

export const ScoutOfferConnection = Paginated(ScoutOfferType);

@InputType()
export class SendScoutOfferInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;

  @Field(() => ID, { description: "The participant's user id" })
  @IsUUID('4', { message: 'must be a participant id' })
  participantId!: string;

  @Field()
  @IsString()
  @Length(1, SCOUT_MESSAGE_MAX, { message: 'must be 1 to 2,000 characters' })
  message!: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: SCOUT_EXPIRY_DAYS.default,
    description: `Days the participant has to answer, ${SCOUT_EXPIRY_DAYS.min} to ${SCOUT_EXPIRY_DAYS.max}`,
  })
  @IsOptional()
  @IsInt({ message: EXPIRY_MESSAGE })
  @Min(SCOUT_EXPIRY_DAYS.min, { message: EXPIRY_MESSAGE })
  @Max(SCOUT_EXPIRY_DAYS.max, { message: EXPIRY_MESSAGE })
  expiresInDays?: number | null;
}

@InputType()
export class RespondToScoutOfferInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a scout offer id' })
  offerId!: string;

  @Field(() => ScoutOfferResponse, {
    description: 'ACCEPT applies you to the project; DECLINE closes the offer',
  })
  @IsEnum(ScoutOfferResponse)
  response!: ScoutOfferResponse;

  @Field(() => String, {
    nullable: true,
    description: 'Up to 2,000 characters; on ACCEPT it becomes your motivation',
  })
  @IsOptional()
  @IsString()
  @Length(0, SCOUT_MESSAGE_MAX, { message: 'must be at most 2,000 characters' })
  note?: string | null;
}

@ArgsType()
export class MyScoutOffersArgs extends PageArgs {
  @Field(() => ScoutOfferStatus, { nullable: true, description: 'Only offers in this status' })
  @IsOptional()
  @IsEnum(ScoutOfferStatus)
  status?: ScoutOfferStatus | null;
}

@ArgsType()
export class ProjectScoutOffersArgs extends MyScoutOffersArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;
}
