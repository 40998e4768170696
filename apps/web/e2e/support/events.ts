import type { APIRequestContext } from '@playwright/test';
import { gql } from './graphql-requests';

// A published on-site event of the given organisation, on a day of its own far ahead (so a
// journey can find it by that day among every other test's events), from 13:00 to 15:30 Japan
// time; or from `startsAt` (soon, for attendance, which opens when the event starts).
export async function newPublishedEvent(
  request: APIRequestContext,
  token: string,
  options: {
    organizationId: string;
    titleJa: string;
    titleEn?: string;
    capacity: number;
    startsAt?: Date;
  },
): Promise<{ id: string; day: string }> {
  const start = options.startsAt ?? new Date(Date.UTC(2031, 0, 1, 4, 0));
  if (!options.startsAt) start.setUTCDate(start.getUTCDate() + Math.floor(Math.random() * 3000));
  const day = start.toISOString().slice(0, 10);
  const { createEvent } = await gql<{ createEvent: { id: string } }>(
    request,
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
    {
      input: {
        organizerOrganizationId: options.organizationId,
        kind: 'GATHERING',
        format: 'ON_SITE',
        titleJa: options.titleJa,
        titleEn: options.titleEn ?? null,
        descriptionJa: '地域の人と、移住や関わり方について気軽に話す会です。',
        descriptionEn: 'An easy-going evening to talk with locals about getting involved.',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 150 * 60_000).toISOString(),
        timeZone: 'Asia/Tokyo',
        municipalityCode: '012131',
        venue: '苫小牧市民活動センター 2階',
        capacity: options.capacity,
      },
    },
    token,
  );
  await gql(
    request,
    'mutation($id: ID!) { publishEvent(id: $id) { id } }',
    { id: createEvent.id },
    token,
  );
  return { id: createEvent.id, day };
}

export async function registerThroughApi(
  request: APIRequestContext,
  token: string,
  eventId: string,
): Promise<void> {
  await gql(
    request,
    'mutation($id: ID!) { registerForEvent(eventId: $id) { id } }',
    { id: eventId },
    token,
  );
}
