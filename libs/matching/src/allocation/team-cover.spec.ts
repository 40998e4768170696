import { formTeam, type TeamCandidate } from './team-cover';

const member = (participantId: string, skills: Record<string, number>): TeamCandidate => ({
  participantId,
  skills: new Map(Object.entries(skills)),
});

describe('formTeam', () => {
  it('picks the member covering the most uncovered skills first', () => {
    const cover = formTeam(
      [
        { skillId: 'design', minLevel: 2 },
        { skillId: 'english', minLevel: 3 },
        { skillId: 'farming', minLevel: 1 },
      ],
      [
        member('u1', { design: 3 }),
        member('u2', { english: 4, farming: 1 }),
        member('u3', { design: 2, farming: 2 }),
      ],
    );
    // u2 and u3 both cover two and u2 wins on id; design is left, which u1 and u3 tie on.
    expect(cover).toEqual({
      coveredBy: [
        { skillId: 'design', participantId: 'u1' },
        { skillId: 'english', participantId: 'u2' },
        { skillId: 'farming', participantId: 'u2' },
      ],
      uncovered: [],
      team: ['u2', 'u1'],
    });
  });

  it('counts a skill only at its minimum level and reports the rest uncovered, in input order', () => {
    const cover = formTeam(
      [
        { skillId: 'video', minLevel: 3 },
        { skillId: 'design', minLevel: 2 },
        { skillId: 'accounting', minLevel: 1 },
      ],
      [member('u1', { video: 2, design: 2 }), member('u2', { accounting: 0 })],
    );
    expect(cover).toEqual({
      coveredBy: [{ skillId: 'design', participantId: 'u1' }],
      uncovered: ['video', 'accounting'],
      team: ['u1'],
    });
  });

  it('breaks ties by participant id, not input order', () => {
    const cover = formTeam(
      [{ skillId: 'design', minLevel: 1 }],
      [member('u9', { design: 5 }), member('u1', { design: 1 })],
    );
    expect(cover.team).toEqual(['u1']);
  });

  it('takes the widest member first, then the one covering what is left', () => {
    const cover = formTeam(
      ['a', 'b', 'c', 'd'].map((skillId) => ({ skillId, minLevel: 1 })),
      [member('big', { a: 1, b: 1, c: 1 }), member('x', { a: 1, d: 1 })],
    );
    expect(cover.team).toEqual(['big', 'x']);
    expect(cover.uncovered).toEqual([]);
  });

  it('takes the higher level when a skill is required twice', () => {
    const cover = formTeam(
      [
        { skillId: 'design', minLevel: 1 },
        { skillId: 'design', minLevel: 3 },
      ],
      [member('u1', { design: 2 })],
    );
    expect(cover).toEqual({ coveredBy: [], uncovered: ['design'], team: [] });
  });

  it('handles no requirements and no members', () => {
    expect(formTeam([], [member('u1', { design: 1 })])).toEqual({
      coveredBy: [],
      uncovered: [],
      team: [],
    });
    expect(formTeam([{ skillId: 'design', minLevel: 1 }], []).uncovered).toEqual(['design']);
  });
});
