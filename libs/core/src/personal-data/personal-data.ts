import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { checkOneProviderEach, MethodDiscovery } from '../events/method-discovery';

// The one list of what "download my data" contains (APPI): every section a context holds about a
// person, in the order the export shows them. A context that stores personal data adds its
// section's name here and marks one provider method @PersonalDataOf(name); the API refuses to
// start while a listed section has no provider or two (and a provider of an unlisted one).
export const PERSONAL_DATA_SECTIONS = [
  // identity: the account and its settings.
  'account',
  // participants: the profile and its skills; the guardians' answers for a minor.
  'participantProfile',
  'guardianConsents',
  // engagements: applications/engagements with their history, check-ins, milestones, feedback
  // and follow-ups; scout offers; the regions the person is tied to.
  'engagements',
  'scoutOffers',
  'regionRelationships',
  // engagements: the activity days the person signed up for, and their attendance.
  'activityDays',
  // projects: the projects the person marked 興味あり.
  'projectInterests',
  // notifications: the inbox and the delivery preferences.
  'notifications',
  'notificationPreferences',
  // conversations: the messages the person wrote.
  'messages',
  // events: the events the person registered for, and their attendance.
  'eventRegistrations',
  // mentoring: the sessions the person booked for their organisation; as a mentor, their profile,
  // slots, and the sessions held in them with their notes.
  'mentoringBookings',
  'mentorProfile',
  // council: the messages the person sent to member organisations.
  'councilMessages',
] as const;
export type PersonalDataSection = (typeof PERSONAL_DATA_SECTIONS)[number];

// Reads one section of a person's data inside the export's transaction. Never another person's
// contact details: staff appear by organisation and display name at most.
export type PersonalDataReader = (manager: EntityManager, userId: string) => Promise<unknown>;

export const PERSONAL_DATA_SECTION = 'tsunagu:personal-data-section';

export function PersonalDataOf(section: PersonalDataSection) {
  return (
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<PersonalDataReader>,
  ): void => {
    Reflect.defineMetadata(PERSONAL_DATA_SECTION, section, descriptor.value!);
  };
}

// Checks discovered readers against the list of sections.
export function checkPersonalDataReaders(found: string[]): string[] {
  return checkOneProviderEach(PERSONAL_DATA_SECTIONS, found, {
    item: 'personal-data section',
    provider: 'reader',
  });
}

export interface PersonalDataExportDocument {
  format: 'tsunagu.personal-data.v1';
  exportedAt: string;
  userId: string;
  sections: Partial<Record<PersonalDataSection, unknown>>;
}

@Injectable()
export class PersonalDataExport {
  private readers?: Map<string, PersonalDataReader>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly methods: MethodDiscovery,
  ) {}

  // One consistent snapshot: every section read in one repeatable-read, read-only transaction.
  async export(userId: string): Promise<PersonalDataExportDocument> {
    const readers = this.table();
    const sections: PersonalDataExportDocument['sections'] = {};
    await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      for (const section of PERSONAL_DATA_SECTIONS) {
        sections[section] = await readers.get(section)!(m, userId);
      }
    });
    return {
      format: 'tsunagu.personal-data.v1',
      exportedAt: new Date().toISOString(),
      userId,
      sections,
    };
  }

  // Throws unless every listed section has exactly one reader. The API calls it at start, so
  // a missing or doubled reader stops the process rather than the first download.
  checkReaders(): void {
    this.table();
  }

  private table(): Map<string, PersonalDataReader> {
    if (!this.readers) {
      const found = this.methods.find<string>(PERSONAL_DATA_SECTION);
      const problems = checkPersonalDataReaders(found.map((f) => f.metadata));
      if (problems.length) throw new Error(problems.join('; '));
      this.readers = new Map(found.map((f) => [f.metadata, f.method as PersonalDataReader]));
    }
    return this.readers;
  }
}

// MethodDiscovery comes from the (global) EventsModule.
@Global()
@Module({
  providers: [PersonalDataExport],
  exports: [PersonalDataExport],
})
export class PersonalDataModule {}
