import { Args, Query, Resolver } from '@nestjs/graphql';
import {
  MunicipalitiesArgs,
  municipalitiesOfPrefecture,
  MunicipalityType,
} from '@tsunagu/identity';
import { Public } from '../auth/authorisation';

@Resolver(() => MunicipalityType)
export class GeographyResolver {
  @Public()
  @Query(() => [MunicipalityType], {
    description:
      "A prefecture's municipalities (designated cities' wards included), in code order: for pickers.",
  })
  municipalities(@Args() args: MunicipalitiesArgs): MunicipalityType[] {
    return municipalitiesOfPrefecture(args.prefectureCode);
  }
}
