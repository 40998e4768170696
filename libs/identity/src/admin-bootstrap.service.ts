import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService, normalizeEmail } from './auth.service';
import { Membership, MembershipRole } from './membership.entity';
import { Organization, OrganizationKind } from './organization.entity';
import { OrganizationService } from './organization.service';
import { User } from './user.entity';

export const PLATFORM_ORGANIZATION_NAME = 'Tsunagu platform';

// Creates the platform organisation and makes the given person its owner. Idempotent: safe at
// every start (ADMIN_EMAIL) and from the CLI (admin:create).
@Injectable()
export class AdminBootstrapService {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly organizations: OrganizationService,
  ) {}

  async ensurePlatformAdmin(
    email: string,
    password: string,
    displayName = 'Platform admin',
  ): Promise<User> {
    return this.dataSource.transaction(async (m) => {
      // Serialise concurrent bootstraps (API and CLI at once).
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('tsunagu.admin-bootstrap'))`);
      let platform = await m
        .getRepository(Organization)
        .findOneBy({ kind: OrganizationKind.PLATFORM });
      platform ??= await this.organizations.createUnchecked(m, {
        kind: OrganizationKind.PLATFORM,
        name: PLATFORM_ORGANIZATION_NAME,
      });
      let user = await m.getRepository(User).findOneBy({ email: normalizeEmail(email) });
      if (!user) {
        user = await this.auth.createUser(m, { email, password, displayName, locale: 'ja' });
        this.logger.log(`created platform admin account ${user.email}`);
      }
      const member = await m
        .getRepository(Membership)
        .findOneBy({ userId: user.id, organizationId: platform.id });
      if (!member) {
        await this.organizations.addMemberUnchecked(m, platform.id, user.id, MembershipRole.OWNER);
      }
      return user;
    });
  }
}
