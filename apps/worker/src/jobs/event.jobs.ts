import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayload } from '@tsunagu/core';
import { RegistrationService } from '@tsunagu/events';

// The events sweep; its schedule is declared in the job registry.
@Injectable()
export class EventJobs {
  constructor(private readonly registrations: RegistrationService) {}

  @JobHandler('events.send-reminders')
  async sendReminders(_payload: JobPayload<'events.send-reminders'>): Promise<void> {
    await this.registrations.sendDueReminders();
  }
}
