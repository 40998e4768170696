import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { RegionProfile } from './region-profile.entity';
import { RegionProfileService } from './region-profile.service';

// Regions as they present themselves: their public page, population and its projection.
@Module({
  imports: [TypeOrmModule.forFeature([RegionProfile]), IdentityModule],
  providers: [RegionProfileService],
  exports: [RegionProfileService],
})
export class RegionsModule {}
