import { compareIds } from './indexed-instance';

export interface TeamSkillRequirement {
  skillId: string;
  minLevel: number;
}

export interface TeamCandidate {
  participantId: string;
  skills: ReadonlyMap<string, number>;
}

export interface TeamCover {
  // One entry per covered required skill, in requirement order.
  coveredBy: Array<{ skillId: string; participantId: string }>;
  // Required skill ids nobody covers, in requirement order.
  uncovered: string[];
  // The chosen members, in the order greedy picked them.
  team: string[];
}

// Greedy set cover: repeatedly take the member who covers the most still-uncovered skills at
// their minimum level (ties by participant id). Exact cover is NP-hard; greedy is within a
// ln(k) factor of the smallest team and easy to explain to an intermediary.
// A skill required twice needs the higher of its levels.
export function formTeam(
  required: readonly TeamSkillRequirement[],
  members: readonly TeamCandidate[],
): TeamCover {
  const needed = new Map<string, number>();
  for (const r of required)
    needed.set(r.skillId, Math.max(needed.get(r.skillId) ?? -Infinity, r.minLevel));
  const skills = [...needed.keys()];
  const covers = (member: TeamCandidate, skillId: string) =>
    (member.skills.get(skillId) ?? -Infinity) >= needed.get(skillId)!;

  const coveredBy = new Map<string, string>();
  const remaining = [...members];
  const team: string[] = [];
  for (;;) {
    let best = -1;
    let bestCount = 0;
    remaining.forEach((member, index) => {
      const count = skills.filter((s) => !coveredBy.has(s) && covers(member, s)).length;
      const better =
        count > bestCount ||
        (count === bestCount &&
          count > 0 &&
          compareIds(member.participantId, remaining[best].participantId) < 0);
      if (better) {
        best = index;
        bestCount = count;
      }
    });
    if (best < 0) break;
    const [member] = remaining.splice(best, 1);
    team.push(member.participantId);
    for (const s of skills)
      if (!coveredBy.has(s) && covers(member, s)) coveredBy.set(s, member.participantId);
  }

  return {
    coveredBy: skills
      .filter((s) => coveredBy.has(s))
      .map((skillId) => ({ skillId, participantId: coveredBy.get(skillId)! })),
    uncovered: skills.filter((s) => !coveredBy.has(s)),
    team,
  };
}
