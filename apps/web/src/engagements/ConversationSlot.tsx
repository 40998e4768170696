// Where an engagement's message thread with the region appears. The conversations area fills
// it in; until then it shows nothing (no placeholder pretending to be a thread).
export function EngagementConversationSlot(_props: { engagementId: string }) {
  return null;
}
