import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ConsentSubjectKind, GuardianConsentStatus } from './guardian-consent.entity';
import { GuardianDecision } from './guardian-consents.service';

registerEnumType(ConsentSubjectKind, {
  name: 'ConsentSubjectKind',
  description: 'What a guardian consents to: an engagement or an event registration',
});
registerEnumType(GuardianConsentStatus, { name: 'GuardianConsentStatus' });
registerEnumType(GuardianDecision, { name: 'GuardianDecision' });

// A consent as the participant and the people supervising see it: no guardian contact details.
@ObjectType('GuardianConsent', {
  description: "A guardian's consent for an engagement or event registration of someone under 18",
})
export class GuardianConsentType {
  @Field(() => ID)
  id!: string;

  @Field(() => ConsentSubjectKind)
  subjectKind!: ConsentSubjectKind;

  @Field(() => GuardianConsentStatus)
  status!: GuardianConsentStatus;

  @Field({ description: 'When the newest request e-mail was asked for' })
  lastSentAt!: Date;

  @Field({ description: 'Until when the newest link takes an answer' })
  linkExpiresAt!: Date;

  @Field(() => String, { nullable: true, description: 'The name the guardian answered with' })
  decidedByName!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;
}

// The guardian's page (opened by the link, no account): what the child asks to join.
@ObjectType('GuardianConsentRequest')
export class GuardianConsentRequestType {
  @Field(() => ConsentSubjectKind)
  subjectKind!: ConsentSubjectKind;

  @Field(() => GuardianConsentStatus)
  status!: GuardianConsentStatus;

  @Field({ description: "The participant's display name" })
  childName!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  regionName!: string | null;

  @Field({ description: 'YYYY-MM-DD for projects, an ISO instant for events' })
  startsOn!: string;

  @Field(() => String, { nullable: true })
  endsOn!: string | null;

  @Field(() => [String], { description: 'The intermediaries supervising it' })
  supervisorNames!: string[];

  @Field(() => String, { nullable: true, description: 'Whom to ask questions through Tsunagu' })
  contactName!: string | null;

  @Field({ description: 'True once the link no longer takes a consent or refusal' })
  expired!: boolean;

  @Field({ description: 'The words the guardian agrees to (as recorded once answered)' })
  statement!: string;

  @Field()
  statementVersion!: string;

  @Field(() => String, { nullable: true })
  decidedByName!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

// The token of the /consent/:token link.
const TokenField = () => (target: object, key: string) => {
  Field({ description: 'The token of the /consent/:token link' })(target, key);
  IsString()(target, key);
  Length(20, 100, { message: 'is not a valid link' })(target, key);
  Matches(/^[A-Za-z0-9_-]+$/, { message: 'is not a valid link' })(target, key);
};

@InputType()
export class GuardianConsentTokenInput {
  @TokenField()
  token!: string;

  @Field(() => String, {
    nullable: true,
    description: "The language to word the statement in: ja (default: the child's) or en",
  })
  @IsOptional()
  @IsIn(['ja', 'en'], { message: 'must be ja or en' })
  locale?: 'ja' | 'en' | null;
}

@InputType()
export class DecideGuardianConsentInput {
  @TokenField()
  token!: string;

  @Field(() => GuardianDecision)
  @IsEnum(GuardianDecision)
  decision!: GuardianDecision;

  @Field({ description: "The guardian's full name, as they sign" })
  @IsString()
  @Length(1, 100)
  guardianName!: string;

  @Field(() => String, { description: 'The language the page was read in: ja or en' })
  @IsIn(['ja', 'en'], { message: 'must be ja or en' })
  locale!: 'ja' | 'en';
}
