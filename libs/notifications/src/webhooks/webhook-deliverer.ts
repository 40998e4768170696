import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, JobAttempt } from '@tsunagu/core';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryStatus } from '../delivery-kinds';
import { callWebhook, truncate, WebhookCallResult } from './webhook-call';
import { webhookLinks } from './webhook-links';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

// How long a claim outlives the call's timeout: time to record the outcome. A worker that dies
// mid-call leaves the claim to expire, and the job's retry calls again.
const CLAIM_MARGIN_SECONDS = 30;

export const ENDPOINT_DISABLED = 'endpoint disabled';

interface ClaimedCall {
  deliveryId: string;
  endpointId: string;
  url: string;
  secret: string;
  type: string;
  key: string;
  vars: Record<string, string>;
  links: Record<string, string>;
  occurredAt: Date;
}

export type WebhookOutcome =
  | { sent: number }
  | { skipped: string }
  // The endpoint was disabled by this failure: retrying the job would only find it disabled.
  | { disabled: string };

// The body receivers get. `id` is the delivery id, also in the Tsunagu-Delivery header: the
// idempotency key, the same on every attempt of this delivery.
export function webhookBody(call: Omit<ClaimedCall, 'endpointId' | 'url' | 'secret'>): string {
  return JSON.stringify({
    id: call.deliveryId,
    type: call.type,
    key: call.key,
    occurredAt: call.occurredAt.toISOString(),
    data: { ...call.vars },
    links: webhookLinks(call.links),
  });
}

// Calls one endpoint for one delivery, at least once: at most one job calls at a time (a lease
// on the row), a SENT delivery is never called again, but a worker that dies after the
// receiver's 2xx and before recording it leaves the lease to expire and the call to be made
// again (same Tsunagu-Delivery id). Every call is logged as a WebhookAttempt. Failures
// count against the endpoint; enough of them in a row disable it and dead-letter its backlog.
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger(WebhookDeliverer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async deliver(deliveryId: string, attempt: JobAttempt): Promise<WebhookOutcome> {
    const call = await this.claim(deliveryId);
    if (!call) return { skipped: await this.whyNotClaimed(deliveryId) };

    const body = webhookBody(call);
    const result = await callWebhook(
      call.url,
      {
        'Content-Type': 'application/json',
        [SIGNATURE_HEADER]: signWebhook(call.secret, body),
        'Tsunagu-Event': call.type,
        'Tsunagu-Delivery': call.deliveryId,
      },
      body,
      {
        timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
        allowPrivateNetworks: this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
      },
    );
    if (result.ok) {
      await this.recordSuccess(call, result);
      return { sent: result.statusCode };
    }
    const disabled = await this.recordFailure(call, result, attempt);
    if (disabled) {
      this.logger.warn(`webhook endpoint ${call.endpointId} disabled: ${disabled}`);
      return { disabled };
    }
    // BullMQ retries with backoff; after the last attempt the delivery is already DEAD.
    throw new Error(`webhook delivery ${deliveryId} failed: ${result.error}`);
  }

  // A conditional UPDATE rather than a row lock held across the call: no connection waits on a
  // slow receiver. A duplicate job finds the lease taken (and looks again later) or the delivery
  // SENT (and stops).
  private async claim(deliveryId: string): Promise<ClaimedCall | null> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE webhook_delivery d
            SET claimed_until = now() + make_interval(secs => $2)
           FROM webhook_endpoint e, notification_event ev
          WHERE d.id = $1 AND e.id = d.endpoint_id AND ev.id = d.event_id
            AND d.status = $3 AND e.enabled
            AND (d.claimed_until IS NULL OR d.claimed_until < now())
         RETURNING d.id, d.endpoint_id, e.url, e.secret, ev.type, ev.key, ev.vars, ev.links,
                   ev.occurred_at
       )
       SELECT * FROM claimed`,
      [
        deliveryId,
        this.config.WEBHOOK_TIMEOUT_MS / 1000 + CLAIM_MARGIN_SECONDS,
        DeliveryStatus.PENDING,
      ],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      deliveryId: row.id as string,
      endpointId: row.endpoint_id as string,
      url: row.url as string,
      secret: row.secret as string,
      type: row.type as string,
      key: row.key as string,
      vars: row.vars as Record<string, string>,
      links: row.links as Record<string, string>,
      occurredAt: row.occurred_at as Date,
    };
  }

  private async whyNotClaimed(deliveryId: string): Promise<string> {
    const [row] = await this.dataSource.query<Array<{ status: DeliveryStatus; enabled: boolean }>>(
      `SELECT d.status, e.enabled FROM webhook_delivery d
         JOIN webhook_endpoint e ON e.id = d.endpoint_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!row) return 'the delivery or its endpoint no longer exists';
    if (row.status !== DeliveryStatus.PENDING) return `already ${row.status}`;
    if (!row.enabled) {
      await this.dataSource.query(
        `UPDATE webhook_delivery SET status = $2, last_error = $3, claimed_until = NULL
          WHERE id = $1 AND status = $4`,
        [deliveryId, DeliveryStatus.DEAD, ENDPOINT_DISABLED, DeliveryStatus.PENDING],
      );
      return ENDPOINT_DISABLED;
    }
    // Another job is calling, or one died before recording its outcome: check again after the
    // backoff, by when the lease has been settled or has expired (and the call is made again).
    throw new Error(`webhook delivery ${deliveryId} is being called by another job`);
  }

  private async logAttempt(m: EntityManager, call: ClaimedCall, result: WebhookCallResult) {
    await m.query(
      `INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        call.deliveryId,
        result.attemptedAt,
        result.statusCode,
        result.ok ? null : result.error,
        result.durationMs,
      ],
    );
  }

  private async recordSuccess(call: ClaimedCall, result: WebhookCallResult): Promise<void> {
    // Endpoint row first, then the delivery: the same lock order as a failure, so two outcomes
    // recorded at once for one endpoint never deadlock.
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE webhook_endpoint SET consecutive_failures = 0 WHERE id = $1`, [
        call.endpointId,
      ]);
      await this.logAttempt(m, call, result);
      // SENT even if the endpoint was disabled meanwhile: the receiver did get it.
      await m.query(
        `UPDATE webhook_delivery
            SET status = $2, sent_at = now(), attempts = attempts + 1, last_status_code = $3,
                last_error = NULL, claimed_until = NULL
          WHERE id = $1`,
        [call.deliveryId, DeliveryStatus.SENT, result.statusCode],
      );
    });
  }

  // Returns why the endpoint was disabled when this failure disabled it.
  private async recordFailure(
    call: ClaimedCall,
    result: Extract<WebhookCallResult, { ok: false }>,
    attempt: JobAttempt,
  ): Promise<string | null> {
    const limit = this.config.WEBHOOK_DISABLE_AFTER_FAILURES;
    return this.dataSource.transaction(async (m) => {
      // Counted in SQL: concurrent failures of one endpoint each add one.
      const [endpoint] = await m.query<Array<{ consecutive_failures: number; enabled: boolean }>>(
        `WITH counted AS (
           UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1
            WHERE id = $1
           RETURNING consecutive_failures, enabled
         )
         SELECT * FROM counted`,
        [call.endpointId],
      );
      const disabling = endpoint?.enabled === true && endpoint.consecutive_failures >= limit;
      const reason = disabling
        ? truncate(`${endpoint.consecutive_failures} failed calls in a row; last: ${result.error}`)
        : null;
      await this.logAttempt(m, call, result);
      await m.query(
        `UPDATE webhook_delivery
            SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
                claimed_until = NULL, status = CASE WHEN $4 THEN $5 ELSE status END
          WHERE id = $1`,
        [
          call.deliveryId,
          result.statusCode,
          result.error,
          attempt.isFinal || disabling,
          DeliveryStatus.DEAD,
        ],
      );
      if (!disabling) return null;
      await m.query(
        `UPDATE webhook_endpoint
            SET enabled = false, disabled_at = now(), disabled_reason = $2
          WHERE id = $1`,
        [call.endpointId, reason],
      );
      // The backlog would only find the endpoint disabled; its jobs end when they next run.
      await m.query(
        `UPDATE webhook_delivery SET status = $2, last_error = $3
          WHERE endpoint_id = $1 AND status = $4`,
        [call.endpointId, DeliveryStatus.DEAD, ENDPOINT_DISABLED, DeliveryStatus.PENDING],
      );
      return reason;
    });
  }
}
