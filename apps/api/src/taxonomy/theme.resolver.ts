import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/authorisation';
import { ThemeService, ThemeType, toThemeType } from '@tsunagu/taxonomy';

@Resolver(() => ThemeType)
export class ThemeResolver {
  constructor(private readonly themeService: ThemeService) {}

  @Public()
  @Query(() => [ThemeType], { description: 'Project themes, in display order.' })
  async themes(): Promise<ThemeType[]> {
    return (await this.themeService.list()).map(toThemeType);
  }
}
