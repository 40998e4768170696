import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Theme')
export class ThemeType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  nameEn!: string;
}
