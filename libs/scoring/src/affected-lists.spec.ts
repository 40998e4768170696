import { affectedLists } from './affected-lists';

describe('affectedLists', () => {
  const tail = (size: number, lastScore: number, lastId: string) => ({ size, lastScore, lastId });

  it('flags lists holding the subject at another score, or no longer passing', () => {
    const held = new Map([
      ['a', 0.5],
      ['b', 0.6],
      ['c', 0.7],
    ]);
    const scores = new Map([
      ['a', 0.5],
      ['b', 0.65],
    ]);
    expect(affectedLists('s', scores, held, new Map(), 3)).toEqual(['b', 'c']);
  });

  it('flags lists the subject enters: empty, not full, or beaten at the tail', () => {
    const scores = new Map([
      ['empty', 0.1],
      ['short', 0.1],
      ['beaten', 0.8],
      ['kept', 0.3],
    ]);
    const tails = new Map([
      ['short', tail(2, 0.9, 'x')],
      ['beaten', tail(3, 0.7, 'x')],
      ['kept', tail(3, 0.4, 'x')],
    ]);
    expect(affectedLists('s', scores, new Map(), tails, 3)).toEqual(['beaten', 'empty', 'short']);
  });

  it('breaks a tie at the tail by id, as the lists are ordered', () => {
    const scores = new Map([
      ['p', 0.5],
      ['q', 0.5],
    ]);
    const tails = new Map([
      ['p', tail(3, 0.5, 'm')],
      ['q', tail(3, 0.5, 'a')],
    ]);
    // "g" sorts before "m" (it would displace the last entry) but after "a" (it would not).
    expect(affectedLists('g', scores, new Map(), tails, 3)).toEqual(['p']);
  });

  it('is quiet when nothing changes', () => {
    const held = new Map([['a', 0.5]]);
    expect(affectedLists('s', new Map([['a', 0.5]]), held, new Map(), 3)).toEqual([]);
  });
});
