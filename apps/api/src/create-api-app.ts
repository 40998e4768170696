import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestApplicationContextOptions } from '@nestjs/common/interfaces/nest-application-context-options.interface';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';

export async function createApiApp(
  options: NestApplicationContextOptions = {},
): Promise<INestApplication> {
  // Start-up lines are held until the JSON logger is in place, then written through it.
  const app = await NestFactory.create(ApiModule, { bufferLogs: true, ...options });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
