import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsDateOnly, NotBefore, PageArgs, Paginated } from '@tsunagu/core';
import { MunicipalityType, OrganizationType } from '@tsunagu/identity';
import { ParticipantKind } from '@tsunagu/participants';
import { ProjectStatus } from '@tsunagu/projects';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';

// A region's project as a company program lists it; the project query has the rest.
@ObjectType('ProgramProject')
export class ProgramProjectType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => ProjectStatus)
  status!: ProjectStatus;

  @Field(() => MunicipalityType, { nullable: true })
  municipality!: MunicipalityType | null;

  @Field(() => [ParticipantKind], { description: 'Empty: open to every kind of participant' })
  eligibleKinds!: ParticipantKind[];
}

@ObjectType('CompanyProgram')
export class CompanyProgramType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganizationType)
  company!: OrganizationType;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field({ description: 'YYYY-MM-DD' })
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while ongoing' })
  endDate!: string | null;

  @Field(() => [ProgramProjectType])
  projects!: ProgramProjectType[];

  @Field()
  createdAt!: Date;
}

export const CompanyProgramConnection = Paginated(CompanyProgramType);

@ObjectType('CompanyTeamMember', { description: 'No contact details: teammates see names only.' })
export class CompanyTeamMemberType {
  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;
}

@ObjectType('CompanyTeam')
export class CompanyTeamType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganizationType)
  company!: OrganizationType;

  @Field(() => CompanyProgramType, { nullable: true })
  program!: CompanyProgramType | null;

  @Field()
  name!: string;

  @Field(() => [CompanyTeamMemberType])
  members!: CompanyTeamMemberType[];

  @Field()
  createdAt!: Date;
}

export const CompanyTeamConnection = Paginated(CompanyTeamType);

@InputType()
export class CreateCompanyProgramInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an organisation id' })
  companyOrganizationId!: string;

  @Field()
  @IsString()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name!: string;

  @Field({ defaultValue: '' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly()
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before startDate' })
  @IsOptional()
  @IsDateOnly()
  @NotBefore('startDate')
  endDate?: string | null;
}

@InputType()
export class ProgramProjectInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a program id' })
  programId!: string;

  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;
}

@InputType()
export class CreateCompanyTeamInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an organisation id' })
  companyOrganizationId!: string;

  @Field(() => ID, { nullable: true, description: 'One of the company’s programs' })
  @IsOptional()
  @IsUUID('4', { message: 'must be a program id' })
  programId?: string | null;

  @Field()
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  name!: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'E-mail addresses of employees: members of the company with a COMPANY_EMPLOYEE profile linked to it. Or memberUserIds.',
  })
  @ValidateIf((o: CreateCompanyTeamInput) => !o.memberUserIds?.length)
  @ArrayMinSize(1, { message: 'must name at least one employee' })
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true, message: 'each must be a valid e-mail address' })
  memberEmails?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'The employees by user id (companyEmployees lists them), instead of memberEmails',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true, message: 'each must be a user id' })
  memberUserIds?: string[] | null;
}

@ArgsType()
export class CompanyPageArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an organisation id' })
  companyOrganizationId!: string;
}

@ObjectType('CompanyEmployee', {
  description:
    'Someone who accepted the company’s invitation: a member with a COMPANY_EMPLOYEE profile ' +
    'linked to it. No contact details.',
})
export class CompanyEmployeeType {
  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;

  @Field(() => ParticipantKind)
  kind!: ParticipantKind;

  @Field(() => Int, { description: 'Their engagements (applications included), in any state' })
  engagementCount!: number;

  @Field(() => Int, { description: 'Their engagements approved, active or completed' })
  activeEngagementCount!: number;

  @Field({ description: 'When they became a member of the company' })
  enrolledAt!: Date;
}

@ObjectType('CompanyInvitation', {
  description: 'An invitation the company sent to an e-mail address, not yet accepted.',
})
export class CompanyInvitationType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The address the company typed in' })
  email!: string;

  @Field()
  createdAt!: Date;
}

export const CompanyEmployeeConnection = Paginated(CompanyEmployeeType);
export const CompanyInvitationConnection = Paginated(CompanyInvitationType);

@ArgsType()
export class CompanyEmployeesArgs extends CompanyPageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Part of a display name; employees whose name contains it, in any case.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be at most 100 characters' })
  search?: string | null;
}

@ObjectType('MyCompanyInvitation', {
  description: 'A company inviting you to enrol as its employee.',
})
export class MyCompanyInvitationType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganizationType)
  company!: OrganizationType;

  @Field()
  createdAt!: Date;
}

@InputType()
export class InviteCompanyEmployeeInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an organisation id' })
  companyOrganizationId!: string;

  @Field()
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;
}

@InputType()
export class RemoveCompanyEmployeeInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an organisation id' })
  companyOrganizationId!: string;

  @Field(() => ID)
  @IsUUID('4', { message: 'must be a user id' })
  userId!: string;
}

@InputType()
export class CompanyInvitationIdInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an invitation id' })
  invitationId!: string;
}
