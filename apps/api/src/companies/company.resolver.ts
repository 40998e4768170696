import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CompanyPageArgs,
  CompanyProgramConnection,
  CompanyProgramType,
  CompanyService,
  CompanyTeamConnection,
  CompanyTeamType,
  CreateCompanyProgramInput,
  CreateCompanyTeamInput,
  ProgramProjectInput,
  toCompanyProgramType,
  toCompanyTeamType,
} from '@tsunagu/companies';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import { Actor } from '@tsunagu/identity';
import { Authenticated, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class CompanyResolver {
  constructor(private readonly companies: CompanyService) {}

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
