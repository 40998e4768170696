import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestApplicationContextOptions } from '@nestjs/common/interfaces/nest-application-context-options.interface';
import { WorkerModule } from './worker.module';

export async function createWorkerApp(
  options: NestApplicationContextOptions = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, options);
  app.enableShutdownHooks();
  return app;
}
