import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppConfig, ConfigValidationError, loadConfig, logLevelsFrom } from '@tsunagu/core';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  // LOG_LEVEL as the API reads it: warnings and errors only at `warn`.
  await createWorkerApp({ logger: logLevelsFrom(config.LOG_LEVEL) });
  new Logger('worker').log('worker started');
}

void main();
