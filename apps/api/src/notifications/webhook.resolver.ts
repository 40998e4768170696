import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, PageArgs } from '@tsunagu/core';
import { Actor } from '@tsunagu/identity';
import {
  CreateWebhookEndpointInput,
  toWebhookEndpointType,
  UpdateWebhookEndpointInput,
  WebhookDeliveriesArgs,
  WebhookDeliveryConnection,
  WebhookDeliveryLogService,
  WebhookDeliveryType,
  WebhookEndpointsService,
  WebhookEndpointType,
  WebhookEndpointWithSecretType,
} from '@tsunagu/notifications';
import { Allow, Role, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

const OWNERS = "The organisation's owners or platform admins.";
const ADMINS = 'Platform admins.';

@Resolver(() => WebhookEndpointType)
export class WebhookResolver {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveryLogService,
  ) {}

  @ServiceChecks('webhookOwner')
  @Query(() => [WebhookEndpointType], { description: `An organisation's webhooks. ${OWNERS}` })
  async webhookEndpoints(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ): Promise<WebhookEndpointType[]> {
    return (await this.endpoints.list(actor, organizationId)).map(toWebhookEndpointType);
  }

  @ServiceChecks('webhookOwner')
  @Mutation(() => WebhookEndpointWithSecretType, {
    description: `Register an endpoint; the signing secret is returned this once. ${OWNERS}`,
  })
  async createWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpointWithSecretType> {
    const { endpoint, secret } = await this.endpoints.create(actor, input);
    return { endpoint: toWebhookEndpointType(endpoint), secret };
  }

  @ServiceChecks('webhookOwner')
  @Mutation(() => WebhookEndpointType, { description: OWNERS })
  async updateWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointType> {
    return toWebhookEndpointType(await this.endpoints.update(actor, id, input));
  }

  @ServiceChecks('webhookOwner')
  @Mutation(() => WebhookEndpointWithSecretType, {
    description: `A new signing secret, returned this once; the old one stops working. ${OWNERS}`,
  })
  async rotateWebhookSecret(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WebhookEndpointWithSecretType> {
    const { endpoint, secret } = await this.endpoints.rotateSecret(actor, id);
    return { endpoint: toWebhookEndpointType(endpoint), secret };
  }

  @ServiceChecks('webhookOwner')
  @Mutation(() => Boolean, { description: `Removes the endpoint and its delivery log. ${OWNERS}` })
  async deleteWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    await this.endpoints.delete(actor, id);
    return true;
  }

  @ServiceChecks('webhookOwner')
  @Query(() => WebhookDeliveryConnection, {
    description: `An endpoint's deliveries with every attempt, newest first. ${OWNERS}`,
  })
  webhookDeliveries(
    @CurrentActor() actor: Actor,
    @Args() args: WebhookDeliveriesArgs,
  ): Promise<Connection<WebhookDeliveryType>> {
    return this.deliveries.list(
      actor,
      args.endpointId,
      { first: args.first, after: args.after },
      args.status,
    );
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Query(() => WebhookDeliveryConnection, {
    description: `Every organisation's DEAD deliveries (the dead-letter list), newest first, each with its endpoint and organisation; retry with retryWebhookDelivery. ${ADMINS}`,
  })
  webhookDeadLetters(
    @CurrentActor() actor: Actor,
    @Args() args: PageArgs,
  ): Promise<Connection<WebhookDeliveryType>> {
    return this.deliveries.deadLetters(actor, { first: args.first, after: args.after });
  }

  @ServiceChecks('webhookOwner')
  @Mutation(() => WebhookDeliveryType, {
    description: `Try a DEAD delivery again (its endpoint must be enabled). ${OWNERS}`,
  })
  retryWebhookDelivery(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WebhookDeliveryType> {
    return this.deliveries.retry(actor, id);
  }
}
