import { describe, expect, it } from 'vitest';
import { moveItem } from './ranking-order';

describe('moveItem', () => {
  it('moves an item one place up or down', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the ranking as it is at either end, and never changes the one given', () => {
    const ranking = ['a', 'b'];
    expect(moveItem(ranking, 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(ranking, 1, 1)).toEqual(['a', 'b']);
    moveItem(ranking, 0, 1);
    expect(ranking).toEqual(['a', 'b']);
  });
});
