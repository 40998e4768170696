// Receivers written before the engagement vocabulary read `links.applicationId`; the body keeps
// it beside `links.engagementId` (same id) until they have moved — see README "API changes".
export function webhookLinks(links: Record<string, string>): Record<string, string> {
  if (links.engagementId === undefined || links.applicationId !== undefined) return links;
  return { ...links, applicationId: links.engagementId };
}
