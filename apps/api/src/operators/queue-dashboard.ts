import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { IServerAdapter } from '@bull-board/api/typings/app';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { QUEUE_NAMES, QueueService } from '@tsunagu/core';
import { dashboardSecurityHeaders, rejectCrossSiteWrites } from './queue-dashboard-browser-policy';
import { QueueDashboardGuard } from './queue-dashboard-guard';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

// bull-board for every queue in the registry, under this deployment's QUEUE_PREFIX.
//
// It reads Redis through QueueService's queues and connection: no connection of its own to
// open or close, and the same fail-fast behaviour (no offline queue) as enqueueing, so while
// Redis is away the dashboard's API answers 500 at once instead of hanging the page.
//
// Mounted on Express when the module initialises: after the request logger and body parsers
// (registered as module middleware just before), before Nest's not-found handler (registered
// just after), so dashboard requests are logged like any other and are not answered 404.
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly http: HttpAdapterHost,
    private readonly queues: QueueService,
    private readonly guard: QueueDashboardGuard,
  ) {}

  onModuleInit(): void {
    const httpAdapter = this.http.httpAdapter;
    // Application contexts without an HTTP server (scripts, the CLI) have nothing to mount on.
    if (!httpAdapter) return;
    const board = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: QUEUE_NAMES.map((name) => new BullMQAdapter(this.queues.queue(name))),
      // @bull-board/express 9.10.1 types itself against its own copy of @bull-board/api (9.10.1),
      // whose classes TypeScript sees as unrelated to 9.10.2's (a private field each). At run
      // time the adapter only stores what the board hands it, whatever the patch version.
      serverAdapter: board as unknown as IServerAdapter,
      options: { uiConfig: { boardTitle: 'Tsunagu queues' } },
    });
    // One mount for the page, its static assets and its JSON API: nothing under the path
    // reaches bull-board without passing the guard.
    httpAdapter.use(
      QUEUE_DASHBOARD_PATH,
      dashboardSecurityHeaders,
      rejectCrossSiteWrites,
      this.guard.middleware,
      board.getRouter(),
    );
  }
}
