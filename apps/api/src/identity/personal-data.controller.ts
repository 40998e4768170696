import { Controller, Get, OnApplicationBootstrap, Req, Res } from '@nestjs/common';
import {
  AppError,
  ErrorCode,
  OperationRateLimiter,
  PersonalDataExport,
  TooManyRequestsError,
} from '@tsunagu/core';
import { ActorService, PersonalDataExportThrottle, TokenService } from '@tsunagu/identity';
import type { Request, Response } from 'express';
import { bearerToken } from '../auth/authentication.guard';
import { Public } from '../auth/authorisation';
import { refuse } from './session-cookie.controller';

// The HTTP status of a refusal, as GraphQL clients read the code in the body.
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.TRY_AGAIN]: 503,
};

// What the export costs against the general operation budget (it reads every context's
// tables); PersonalDataExportThrottle limits it per account on its own.
const EXPORT_COST = 20;

// "Download my data" (APPI): everything Tsunagu holds about the signed-in person, as a JSON
// attachment. HTTP rather than GraphQL so the browser saves it as a file; authenticated by the
// access token like /graphql (the global guard covers GraphQL only, hence the check here).
@Public()
@Controller('auth/my-data')
export class PersonalDataController implements OnApplicationBootstrap {
  constructor(
    private readonly tokens: TokenService,
    private readonly actors: ActorService,
    private readonly limiter: OperationRateLimiter,
    private readonly exports: PersonalDataExportThrottle,
    private readonly personalData: PersonalDataExport,
  ) {}

  // No API starts with a personal-data section that has no reader, or two.
  onApplicationBootstrap(): void {
    this.personalData.checkReaders();
  }

  @Get()
  async download(@Req() req: Request, @Res() res: Response): Promise<void> {
    const token = bearerToken(req.headers.authorization ?? '');
    try {
      if (!token) throw AppError.unauthenticated();
      const actor = await this.actors.load(this.tokens.verifyAccessToken(token));
      await this.limiter.spend({ userId: actor.userId, address: req.ip }, EXPORT_COST);
      await this.exports.forUser(actor.userId);
      const document = await this.personalData.export(actor.userId);
      const day = document.exportedAt.slice(0, 10);
      res
        .status(200)
        .setHeader('Content-Type', 'application/json; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="tsunagu-my-data-${day}.json"`)
        .setHeader('Cache-Control', 'no-store')
        .send(JSON.stringify(document, null, 2));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Retry-After and the like, as GraphQL answers carry them.
      if (error instanceof TooManyRequestsError) {
        for (const [name, value] of error.extensions.http.headers) res.setHeader(name, value);
      }
      refuse(res, HTTP_STATUS[error.code] ?? 400, error.code, error.message);
    }
  }
}
