import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@tsunagu/identity';
import { CompanyImpactArgs, CompanyImpactService, CompanyImpactType } from '@tsunagu/insights';
import { ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class CompanyImpactResolver {
  constructor(private readonly impacts: CompanyImpactService) {}

  @ServiceChecks('companyOwner')
  @Query(() => CompanyImpactType, {
    description:
      "What the company's employees did in regions in a period, for its CSR report. The company's owners or platform admins.",
  })
  companyImpact(
    @CurrentActor() actor: Actor,
    @Args() args: CompanyImpactArgs,
  ): Promise<CompanyImpactType> {
    return this.impacts.impact(actor, args);
  }
}
