import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MunicipalityType } from '@tsunagu/identity';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ParticipantKind } from './participant-profile.entity';

registerEnumType(ParticipantKind, { name: 'ParticipantKind' });

@ObjectType('ParticipantProfile')
export class ParticipantProfileType {
  @Field(() => ParticipantKind)
  kind!: ParticipantKind;

  @Field(() => MunicipalityType, { nullable: true })
  homeMunicipality!: MunicipalityType | null;

  @Field()
  bio!: string;
}

@InputType()
export class ParticipantProfileInput {
  @Field(() => ParticipantKind)
  @IsEnum(ParticipantKind)
  kind!: ParticipantKind;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit 全国地方公共団体コード' })
  homeMunicipalityCode?: string;

  @Field({ nullable: true, defaultValue: '' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  bio?: string;
}
