import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountMail } from './account-mail.entity';
import { AccountMails } from './account-mails';
import { AccountPersonalData } from './account-personal-data';
import { AccountToken } from './account-token.entity';
import { AccountTokens } from './account-tokens';
import { AccountService } from './account.service';
import { ActorService } from './actor.service';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthService } from './auth.service';
import { Membership } from './membership.entity';
import { Organization } from './organization.entity';
import { OrganizationService } from './organization.service';
import { PasswordHasher } from './password-hasher';
import { PolicyService } from './policy.service';
import { RefreshToken } from './refresh-token.entity';
import { RemitArea } from './remit-area.entity';
import { TokenService } from './token.service';
import { User } from './user.entity';
import { UserService } from './user.service';

export const IDENTITY_ENTITIES = [
  User,
  Organization,
  Membership,
  RemitArea,
  RefreshToken,
  AccountToken,
  AccountMail,
];

@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), JwtModule.register({})],
  providers: [
    AccountMails,
    AccountPersonalData,
    AccountService,
    AccountTokens,
    ActorService,
    AdminBootstrapService,
    AuthService,
    OrganizationService,
    PasswordHasher,
    PolicyService,
    TokenService,
    UserService,
  ],
  exports: [
    AccountMails,
    AccountService,
    AccountTokens,
    ActorService,
    AdminBootstrapService,
    AuthService,
    OrganizationService,
    PolicyService,
    TokenService,
    UserService,
  ],
})
export class IdentityModule {}
