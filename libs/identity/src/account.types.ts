import { Field, InputType } from '@nestjs/graphql';
import { Secret } from '@tsunagu/core';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

// A token from an e-mailed link: a secret, compared as sent (43 base64url characters).
@InputType()
export class AccountTokenInput {
  @Field()
  @IsString()
  @Secret()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  token!: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field()
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field()
  @IsString()
  @Secret()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  token!: string;

  @Field()
  @IsString()
  @Secret()
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(200)
  newPassword!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @Secret()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  currentPassword!: string;

  @Field()
  @IsString()
  @Secret()
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(200)
  newPassword!: string;
}

@InputType()
export class ChangeEmailInput {
  @Field()
  @IsString()
  @Secret()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  password!: string;

  @Field()
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  newEmail!: string;
}

@InputType()
export class DeleteAccountInput {
  @Field()
  @IsString()
  @Secret()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  password!: string;
}
