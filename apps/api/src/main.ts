import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppConfig, ConfigValidationError, loadConfig } from '@tsunagu/core';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  // Validate configuration before anything else so a bad variable is named, not a stack trace.
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
  const app = await createApiApp();
  await app.listen(config.PORT);
  new Logger('api').log(`GraphQL ready at http://localhost:${config.PORT}/graphql`);
}

void main();
