import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { AppError, isUuid, OperationRateLimiter } from '@tsunagu/core';
import { RegistrationService } from '@tsunagu/events';
import { ActorService, TokenService } from '@tsunagu/identity';
import type { Request, Response } from 'express';
import { Public } from '../auth/authorisation';
import { downloadActor, sendRefusal } from '../http/http-download';

// One row read and a small text: a light query.
const CALENDAR_COST = 1;

// GET /events/:eventId/registrations/:registrationId.ics — the registrant's calendar file
// (RFC 5545), authenticated by the access token like /graphql; anyone else gets 404.
@Public()
@Controller('events')
export class EventCalendarController {
  constructor(
    private readonly tokens: TokenService,
    private readonly actors: ActorService,
    private readonly limiter: OperationRateLimiter,
    private readonly registrations: RegistrationService,
  ) {}

  @Get(':eventId/registrations/:file')
  async download(
    @Req() req: Request,
    @Param('eventId') eventId: string,
    @Param('file') file: string,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const actor = await downloadActor(
        req,
        { tokens: this.tokens, actors: this.actors, limiter: this.limiter },
        CALENDAR_COST,
      );
      const registrationId = /^(.+)\.ics$/.exec(file)?.[1] ?? '';
      if (!isUuid(eventId) || !isUuid(registrationId)) {
        throw AppError.notFound('Registration');
      }
      const { filename, body } = await this.registrations.calendarFile(
        actor,
        eventId,
        registrationId,
      );
      res
        .status(200)
        .setHeader('Content-Type', 'text/calendar; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
        .setHeader('Cache-Control', 'no-store')
        .send(body);
    } catch (error) {
      sendRefusal(res, error);
    }
  }
}
