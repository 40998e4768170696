import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@tsunagu/core';
import type { NestApplicationContextOptions } from '@nestjs/common/interfaces/nest-application-context-options.interface';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { useRequestBodies } from './graphql/request-body';
import { keepConnectionsAlive } from './http/keep-alive';

export async function createApiApp(
  options: NestApplicationContextOptions = {},
): Promise<INestApplication> {
  // Start-up lines are held until the JSON logger is in place, then written through it.
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    bufferLogs: true,
    // Registered below, with errors shaped for GraphQL clients.
    bodyParser: false,
    ...options,
  });
  useRequestBodies(app);
  app.useLogger(app.get(Logger));
  const trustProxy = app.get(AppConfig).TRUST_PROXY;
  if (trustProxy) app.set('trust proxy', trustProxyValue(trustProxy));
  keepConnectionsAlive(app.getHttpServer());
  app.enableShutdownHooks();
  return app;
}

// Express reads a number as a hop count and true as "trust everyone"; anything else is a list
// of addresses and subnets.
function trustProxyValue(setting: string): boolean | number | string {
  if (setting === 'true') return true;
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting;
}
