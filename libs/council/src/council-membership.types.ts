import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, Paginated, RequiredText } from '@tsunagu/core';
import { OrganizationType } from '@tsunagu/identity';
import { IsEnum, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { CouncilMembershipStatus } from './council-membership.entity';
import { CouncilProfileFields } from './council-profile.types';

registerEnumType(CouncilMembershipStatus, {
  name: 'CouncilMembershipStatus',
  description: "Where an organisation's council membership stands",
  valuesMap: {
    PENDING: { description: 'Applied; the platform admins have not decided yet' },
    APPROVED: { description: 'A member: listed in the directory' },
    REJECTED: { description: 'Not admitted (the reason is given); it may apply again' },
    WITHDRAWN: { description: 'The organisation withdrew; it may apply again' },
  },
});

export const COUNCIL_LIMITS = { introduction: 2000, reason: 1000, website: 500 } as const;

@ObjectType('CouncilMembership', {
  description: "An organisation's membership of the council (かかわりラボ) and its profile",
})
export class CouncilMembershipType extends CouncilProfileFields {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganizationType)
  organization!: OrganizationType;

  @Field(() => CouncilMembershipStatus)
  status!: CouncilMembershipStatus;

  @Field({ description: 'When it (last) applied' })
  appliedAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The admins' reason for their decision (always given for a rejection)",
  })
  decisionReason!: string | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;
}

export const CouncilMembershipConnection = Paginated(CouncilMembershipType);

@InputType()
export class ApplyForCouncilMembershipInput {
  @Field({ description: 'Who the organisation is and why it joins, in Japanese' })
  @RequiredText(COUNCIL_LIMITS.introduction)
  introductionJa!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(COUNCIL_LIMITS.introduction)
  introductionEn?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) address of its website' })
  @IsOptional()
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true },
    { message: 'must be an http(s) address' },
  )
  @MaxLength(COUNCIL_LIMITS.website)
  website?: string | null;
}

@ArgsType()
export class CouncilApplicationsArgs extends PageArgs {
  @Field(() => CouncilMembershipStatus, {
    defaultValue: CouncilMembershipStatus.PENDING,
    description: 'Applications in this status, latest first',
  })
  @IsEnum(CouncilMembershipStatus)
  status: CouncilMembershipStatus = CouncilMembershipStatus.PENDING;
}
