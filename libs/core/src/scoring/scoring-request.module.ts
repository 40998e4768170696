import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ScoringRequestService } from './scoring-request.service';
import { ScoringSubject } from './scoring-subject.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ScoringSubject])],
  providers: [ScoringRequestService],
  exports: [ScoringRequestService],
})
export class ScoringRequestModule {}
