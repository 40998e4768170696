import type { ActivityDayView, SignupView } from './activity-day.service';
import type { ActivityDaySignupType, ActivityDayType } from './activity-day.types';
import { dayHours, jstParts, signupCutoff } from './activity-day-times';

export function toActivityDaySignupType(view: SignupView): ActivityDaySignupType {
  return { ...view };
}

export function toActivityDayType(view: ActivityDayView): ActivityDayType {
  const { day } = view;
  const start = jstParts(day.startsAt);
  return {
    id: day.id,
    projectId: day.projectId,
    projectTitle: view.projectTitle,
    status: day.status,
    date: start.date,
    startTime: start.time,
    endTime: jstParts(day.endsAt).time,
    startsAt: day.startsAt,
    endsAt: day.endsAt,
    places: day.places,
    signedUpCount: day.signedUpCount,
    placesLeft: Math.max(0, day.places - day.signedUpCount),
    signupClosesAt: signupCutoff(day.startsAt),
    hours: dayHours(day.startsAt, day.endsAt),
    meetingPoint: day.meetingPoint,
    whatToBring: day.whatToBring,
    noteJa: day.noteJa,
    noteEn: day.noteEn,
    signups: view.signups?.map(toActivityDaySignupType) ?? null,
    mySignup: view.mine ? toActivityDaySignupType(view.mine) : null,
  };
}
