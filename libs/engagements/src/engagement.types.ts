import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, Paginated } from '@tsunagu/core';
import { ParticipantKind } from '@tsunagu/participants';
import { ProjectType } from '@tsunagu/projects';
import { IsString, IsUUID, Length } from 'class-validator';
import { ApplicationStatus } from './application.entity';

registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });

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
