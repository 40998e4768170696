import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestApplicationContextOptions } from '@nestjs/common/interfaces/nest-application-context-options.interface';
import { ApiModule } from './api.module';

export async function createApiApp(
  options: NestApplicationContextOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule, options);
  app.enableShutdownHooks();
  return app;
}
