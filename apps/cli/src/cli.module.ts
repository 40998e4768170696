import { Module } from '@nestjs/common';
import { CONTEXT_MODULES } from '@tsunagu/contexts';
import { CoreModule } from '@tsunagu/core';
import { DemoSeeder } from './demo/demo-seeder';

// Every context, without HTTP or workers: for migrations, seeding and admin tasks.
@Module({
  imports: [CoreModule, ...CONTEXT_MODULES],
  providers: [DemoSeeder],
})
export class CliModule {}
