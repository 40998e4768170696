// What a registration and an event's places come to, as keys of events.* words: never a raw
// status on screen.

export interface RegistrationLike {
  status: 'REGISTERED' | 'WAITLISTED' | 'CANCELLED';
  attended?: boolean | null;
  waitlistPosition?: number | null;
}

export type MyState = 'REGISTERED' | 'WAITLISTED' | 'ATTENDED' | 'MISSED' | 'CANCELLED';

// Attendance, once taken, says more than the place held.
export function myState(registration: RegistrationLike): MyState {
  if (registration.status === 'REGISTERED') {
    if (registration.attended === true) return 'ATTENDED';
    if (registration.attended === false) return 'MISSED';
  }
  return registration.status;
}

export type Seats = { key: 'unlimited' } | { key: 'left'; count: number } | { key: 'full' };

export function seatsOf(event: { capacity?: number | null; registeredCount: number }): Seats {
  if (event.capacity == null) return { key: 'unlimited' };
  const left = event.capacity - event.registeredCount;
  return left > 0 ? { key: 'left', count: left } : { key: 'full' };
}

// A title in the reader's language when the organiser wrote one.
export function eventTitle(
  event: { titleJa: string; titleEn?: string | null },
  language: string,
): string {
  return language === 'en' && event.titleEn ? event.titleEn : event.titleJa;
}
