import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigValidationError, loadConfig } from '@tsunagu/core';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  try {
    loadConfig();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  await createWorkerApp();
  new Logger('worker').log('worker started');
}

void main();
