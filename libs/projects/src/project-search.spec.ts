// The one file, not the core barrel, which loads TypeORM, BullMQ and Nest for nothing here.
import { containsPattern } from '../../core/src/text/like-pattern';
import { searchTerms, widthVariants } from './project-search';

describe('free-text search helpers', () => {
  it('splits on half- and full-width spaces after NFKC folding', () => {
    expect(searchTerms('  ＡＩ　ｶﾌｪ  空き家 ')).toEqual(['AI', 'カフェ', '空き家']);
    expect(searchTerms(' 　 ')).toEqual([]);
  });

  it('spells a folded term in the widths stored text may use', () => {
    expect(widthVariants('AI')).toEqual(['AI', 'ＡＩ']);
    expect(widthVariants('カフェ')).toEqual(['カフェ', 'ｶﾌｪ']);
    expect(widthVariants('ガイド・パン')).toEqual(['ガイド・パン', 'ｶﾞｲﾄﾞ･ﾊﾟﾝ']);
    expect(widthVariants('100%')).toEqual(['100%', '１００％']);
    expect(widthVariants('棚田')).toEqual(['棚田']);
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('C:\\x')).toBe('%C:\\\\x%');
  });
});
