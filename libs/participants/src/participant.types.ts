import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, Paginated } from '@tsunagu/core';
import { MunicipalityType } from '@tsunagu/identity';
import { ProjectType } from '@tsunagu/projects';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ApplicationStatus } from './application.entity';
import { ParticipantKind } from './participant-profile.entity';

registerEnumType(ParticipantKind, { name: 'ParticipantKind' });
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });

@ObjectType('ParticipantProfile')
export class ParticipantProfileType {
  @Field(() => ParticipantKind)
  kind!: ParticipantKind;

  @Field(() => MunicipalityType, { nullable: true })
  homeMunicipality!: MunicipalityType | null;

  @Field()
  bio!: string;
}

@ObjectType('Applicant', {
  description: 'What a region sees of an applicant before approval: no contact details.',
})
export class ApplicantType {
  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;

  @Field(() => ParticipantKind)
  kind!: ParticipantKind;
}

@ObjectType('Application')
export class ApplicationType {
  @Field(() => ID)
  id!: string;

  @Field(() => ProjectType)
  project!: ProjectType;

  @Field(() => ApplicantType)
  applicant!: ApplicantType;

  @Field()
  motivation!: string;

  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field()
  createdAt!: Date;
}

export const ApplicationConnection = Paginated(ApplicationType);

@InputType()
export class ParticipantProfileInput {
  @Field(() => ParticipantKind)
  @IsEnum(ParticipantKind)
  kind!: ParticipantKind;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit 全国地方公共団体コード' })
  homeMunicipalityCode?: string;

  @Field({ nullable: true, defaultValue: '' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  bio?: string;
}

@InputType()
export class ApplyToProjectInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;

  @Field()
  @IsString()
  @Length(10, 4000, { message: 'must be 10 to 4,000 characters' })
  motivation!: string;
}

@ArgsType()
export class ProjectApplicationsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;
}
