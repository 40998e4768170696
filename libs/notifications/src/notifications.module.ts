import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngagementsModule } from '@tsunagu/engagements';
import { Notification } from './notification.entity';
import { NotificationService } from './notification.service';

@Module({
  imports: [TypeOrmModule.forFeature([Notification]), EngagementsModule],
  providers: [NotificationService],
  exports: [NotificationService],
})
export class NotificationsModule {}
