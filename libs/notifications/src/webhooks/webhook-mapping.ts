import type { NotificationEvent } from '../notification-event.entity';
import type { WebhookAttempt } from './webhook-attempt.entity';
import type { WebhookDelivery } from './webhook-delivery.entity';
import type { WebhookEndpoint } from './webhook-endpoint.entity';
import type { WebhookAttemptType, WebhookDeliveryType, WebhookEndpointType } from './webhook.types';

// Field by field, so the secret can never leak into a response by a spread.
export function toWebhookEndpointType(e: WebhookEndpoint): WebhookEndpointType {
  return {
    id: e.id,
    organizationId: e.organizationId,
    url: e.url,
    eventTypes: e.eventTypes,
    description: e.description,
    enabled: e.enabled,
    consecutiveFailures: e.consecutiveFailures,
    disabledAt: e.disabledAt,
    disabledReason: e.disabledReason,
    createdAt: e.createdAt,
  };
}

export function toWebhookAttemptType(a: WebhookAttempt): WebhookAttemptType {
  return {
    attemptedAt: a.attemptedAt,
    statusCode: a.statusCode,
    error: a.error,
    durationMs: a.durationMs,
  };
}

// A delivery loaded with its event and its endpoint (for the organisation).
export type LoadedWebhookDelivery = WebhookDelivery & {
  event: NotificationEvent;
  endpoint: WebhookEndpoint;
};

export function toWebhookDeliveryType(
  d: LoadedWebhookDelivery,
  attempts: WebhookAttempt[],
): WebhookDeliveryType {
  return {
    id: d.id,
    endpointId: d.endpointId,
    organizationId: d.endpoint.organizationId,
    eventType: d.event.type,
    eventKey: d.event.key,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    retries: d.retries,
    sentAt: d.sentAt,
    createdAt: d.createdAt,
    attemptLog: attempts.map(toWebhookAttemptType),
  };
}
