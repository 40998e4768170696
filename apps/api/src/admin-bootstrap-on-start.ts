import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@tsunagu/core';
import { AdminBootstrapService } from '@tsunagu/identity';

// ADMIN_EMAIL/ADMIN_PASSWORD, when set, make sure that person is a platform admin.
@Injectable()
export class AdminBootstrapOnStart implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly bootstrap: AdminBootstrapService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.ADMIN_EMAIL && this.config.ADMIN_PASSWORD) {
      await this.bootstrap.ensurePlatformAdmin(this.config.ADMIN_EMAIL, this.config.ADMIN_PASSWORD);
    }
  }
}
