const DAY = 24 * 60 * 60 * 1000;

export interface AnswerTiming {
  // Whole days since the participant applied.
  daysWaited: number;
  // Days until the answer is due, rounded up; negative once overdue.
  daysLeft: number;
  dueAt: string;
}

// How long an application has waited and how long the region has left to answer it, from the
// API's due date (Engagement.answerDueAt, set only while it waits). Days left count whole days
// rounded up, so "1 day left" means the due time falls within the next 24 hours.
export function answerTiming(
  engagement: { createdAt: string; answerDueAt?: string | null },
  now: Date,
): AnswerTiming | null {
  if (!engagement.answerDueAt) return null;
  const due = Date.parse(engagement.answerDueAt);
  const waited = Math.max(0, Math.floor((now.getTime() - Date.parse(engagement.createdAt)) / DAY));
  const left = due - now.getTime();
  // Overdue: whole days past the due time, and at least one as soon as it has passed.
  const daysLeft = left >= 0 ? Math.ceil(left / DAY) : -Math.max(1, Math.floor(-left / DAY));
  return { daysWaited: waited, daysLeft, dueAt: engagement.answerDueAt };
}
