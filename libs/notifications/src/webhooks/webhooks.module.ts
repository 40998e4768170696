import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { WebhookAccess } from './webhook-access';
import { WebhookAttempt } from './webhook-attempt.entity';
import { WebhookDeliverer } from './webhook-deliverer';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryLogService } from './webhook-delivery-log.service';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookFanOut } from './webhook-fan-out';

// Organisations' webhooks: endpoints and their management (API), planning calls for an event
// (the notification fan-out) and making them (the worker).
@Module({
  imports: [
    TypeOrmModule.forFeature([WebhookEndpoint, WebhookDelivery, WebhookAttempt]),
    IdentityModule,
  ],
  providers: [
    WebhookAccess,
    WebhookEndpointsService,
    WebhookDeliveryLogService,
    WebhookFanOut,
    WebhookDeliverer,
  ],
  exports: [WebhookEndpointsService, WebhookDeliveryLogService, WebhookFanOut, WebhookDeliverer],
})
export class WebhooksModule {}
