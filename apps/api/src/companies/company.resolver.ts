import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CompanyEmployeeService,
  CompanyEmployeeConnection,
  CompanyEmployeesArgs,
  CompanyEmployeeType,
  CompanyInvitation,
  CompanyInvitationConnection,
  CompanyInvitationIdInput,
  CompanyInvitationType,
  CompanyPageArgs,
  CompanyProgramConnection,
  CompanyProgramType,
  CompanyService,
  CompanyTeamConnection,
  CompanyTeamType,
  CreateCompanyProgramInput,
  CreateCompanyTeamInput,
  InviteCompanyEmployeeInput,
  MyCompanyInvitationType,
  MyCompanyInvitationView,
  ProgramProjectInput,
  RemoveCompanyEmployeeInput,
  toCompanyProgramType,
  toCompanyTeamType,
} from '@tsunagu/companies';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import { Actor, toOrganizationType } from '@tsunagu/identity';
import { Authenticated, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

function toCompanyInvitationType(invitation: CompanyInvitation): CompanyInvitationType {
  return { id: invitation.id, email: invitation.email, createdAt: invitation.createdAt };
}

function toMyInvitation({ invitation, company }: MyCompanyInvitationView): MyCompanyInvitationType {
  return {
    id: invitation.id,
    company: toOrganizationType(company),
    createdAt: invitation.createdAt,
  };
}

@Resolver()
export class CompanyResolver {
  constructor(
    private readonly companies: CompanyService,
    private readonly employees: CompanyEmployeeService,
  ) {}

  @ServiceChecks('companyOwner')
  @Query(() => CompanyEmployeeConnection, {
    description:
      "Who accepted the company's invitations, newest enrolled first; `search` narrows by name. The company's owners or platform admins.",
  })
  companyEmployees(
    @CurrentActor() actor: Actor,
    @Args() args: CompanyEmployeesArgs,
  ): Promise<Connection<CompanyEmployeeType>> {
    return this.employees.listEmployees(actor, args.companyOrganizationId, args.search, args);
  }

  @ServiceChecks('companyOwner')
  @Query(() => CompanyInvitationConnection, {
    description:
      "The company's invitations not yet accepted, newest first. The company's owners or platform admins.",
  })
  async companyInvitations(
    @CurrentActor() actor: Actor,
    @Args() args: CompanyPageArgs,
  ): Promise<Connection<CompanyInvitationType>> {
    return mapConnection(
      await this.employees.listInvitations(actor, args.companyOrganizationId, args),
      toCompanyInvitationType,
    );
  }

  @ServiceChecks('companyOwner')
  @Mutation(() => CompanyInvitationType, {
    description:
      'Invite an e-mail address to enrol as an employee; the answer is the same whether or not it has an account. ' +
      "The company's owners or platform admins.",
  })
  async inviteCompanyEmployee(
    @CurrentActor() actor: Actor,
    @Args('input') input: InviteCompanyEmployeeInput,
  ): Promise<CompanyInvitationType> {
    return toCompanyInvitationType(await this.employees.invite(actor, input));
  }

  @ServiceChecks('companyOwner')
  @Mutation(() => Boolean, {
    description: "Withdraw a pending invitation. The company's owners or platform admins.",
  })
  async withdrawCompanyInvitation(
    @CurrentActor() actor: Actor,
    @Args('input') input: CompanyInvitationIdInput,
  ): Promise<boolean> {
    await this.employees.withdraw(actor, input.invitationId);
    return true;
  }

  @ServiceChecks('companyOwner')
  @Mutation(() => Boolean, {
    description:
      "End an employee's membership and take them off the company's teams. The company's owners or platform admins.",
  })
  async removeCompanyEmployee(
    @CurrentActor() actor: Actor,
    @Args('input') input: RemoveCompanyEmployeeInput,
  ): Promise<boolean> {
    await this.employees.remove(actor, input);
    return true;
  }

  @Authenticated()
  @Query(() => [MyCompanyInvitationType], {
    description: 'Companies inviting you to enrol as their employee, once your e-mail is verified.',
  })
  async myCompanyInvitations(@CurrentActor() actor: Actor): Promise<MyCompanyInvitationType[]> {
    return (await this.employees.mine(actor)).map(toMyInvitation);
  }

  @ServiceChecks('invitee')
  @Mutation(() => MyCompanyInvitationType, {
    description:
      'Accept a company’s invitation: you become its member and your participant profile its COMPANY_EMPLOYEE.',
  })
  async acceptCompanyInvitation(
    @CurrentActor() actor: Actor,
    @Args('input') input: CompanyInvitationIdInput,
  ): Promise<MyCompanyInvitationType> {
    return toMyInvitation(await this.employees.accept(actor, input.invitationId));
  }

  @ServiceChecks('companyOwner')
  @Mutation(() => CompanyProgramType, {
    description: "The company's owners or platform admins.",
  })
  async createCompanyProgram(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateCompanyProgramInput,
  ): Promise<CompanyProgramType> {
    return toCompanyProgramType(await this.companies.createProgram(actor, input));
  }

  @ServiceChecks('companyOwner')
  @Mutation(() => CompanyProgramType, {
    description:
      'Target a published project open to company employees. The company’s owners or platform admins.',
  })
  async addProjectToCompanyProgram(
    @CurrentActor() actor: Actor,
    @Args('input') input: ProgramProjectInput,
  ): Promise<CompanyProgramType> {
    return toCompanyProgramType(await this.companies.addProject(actor, input));
  }

  @ServiceChecks('companyOwner')
  @Mutation(() => CompanyProgramType, {
    description: "The company's owners or platform admins.",
  })
  async removeProjectFromCompanyProgram(
    @CurrentActor() actor: Actor,
    @Args('input') input: ProgramProjectInput,
  ): Promise<CompanyProgramType> {
    return toCompanyProgramType(await this.companies.removeProject(actor, input));
  }

  @ServiceChecks('companyOwner')
  @Mutation(() => CompanyTeamType, {
    description: "A team of the company's employees. The company's owners or platform admins.",
  })
  async createCompanyTeam(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateCompanyTeamInput,
  ): Promise<CompanyTeamType> {
    return toCompanyTeamType(await this.companies.createTeam(actor, input));
  }

  @ServiceChecks('companyMember')
  @Query(() => CompanyProgramConnection, {
    description: 'Members of the company and platform admins; newest first.',
  })
  async companyPrograms(
    @CurrentActor() actor: Actor,
    @Args() args: CompanyPageArgs,
  ): Promise<Connection<CompanyProgramType>> {
    return mapConnection(
      await this.companies.listPrograms(actor, args.companyOrganizationId, args),
      toCompanyProgramType,
    );
  }

  @ServiceChecks('companyMember')
  @Query(() => CompanyTeamConnection, {
    description: 'Members of the company and platform admins; newest first.',
  })
  async companyTeams(
    @CurrentActor() actor: Actor,
    @Args() args: CompanyPageArgs,
  ): Promise<Connection<CompanyTeamType>> {
    return mapConnection(
      await this.companies.listTeams(actor, args.companyOrganizationId, args),
      toCompanyTeamType,
    );
  }

  @Authenticated()
  @Query(() => CompanyTeamConnection, { description: 'The company teams you are on.' })
  async myCompanyTeams(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
  ): Promise<Connection<CompanyTeamType>> {
    return mapConnection(await this.companies.myTeams(actor, page), toCompanyTeamType);
  }
}
