import { GroupCommit } from './group-commit';

// A run that records each batch it was given and answers each item with its double, failing
// the items the test names.
function recorder(failing: number[] = []) {
  const batches: number[][] = [];
  let release: (() => void) | undefined;
  const gate = () => new Promise<void>((resolve) => (release = resolve));
  let blocked: Promise<void> | undefined;
  const run = async (items: number[]): Promise<Array<PromiseSettledResult<number>>> => {
    batches.push(items);
    if (blocked) await blocked;
    return items.map((n) =>
      failing.includes(n)
        ? { status: 'rejected', reason: new Error(`item ${n} failed`) }
        : { status: 'fulfilled', value: n * 2 },
    );
  };
  return {
    batches,
    run,
    block: () => {
      blocked = gate();
    },
    unblock: () => {
      blocked = undefined;
      release?.();
    },
  };
}

describe('GroupCommit', () => {
  it('runs a lone call at once, and the calls that arrive meanwhile together in the next batch', async () => {
    const r = recorder();
    const group = new GroupCommit(r.run, 10);
    r.block();
    const first = group.submit(1);
    const later = [group.submit(2), group.submit(3), group.submit(4)];
    r.unblock();
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6, 8]);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('takes at most `max` calls in one batch', async () => {
    const r = recorder();
    const group = new GroupCommit(r.run, 2);
    r.block();
    const calls = [1, 2, 3, 4, 5].map((n) => group.submit(n));
    r.unblock();
    expect(await Promise.all(calls)).toEqual([2, 4, 6, 8, 10]);
    expect(r.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('fails only the call whose item failed', async () => {
    const r = recorder([3]);
    const group = new GroupCommit(r.run, 10);
    r.block();
    const calls = [1, 2, 3, 4].map((n) => group.submit(n));
    r.unblock();
    const settled = await Promise.allSettled(calls);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('item 3 failed'));
  });

  it('fails every call of a batch whose run threw, and keeps serving later calls', async () => {
    let fail = true;
    const group = new GroupCommit((items: number[]) => {
      if (fail) return Promise.reject(new Error('the batch failed'));
      return Promise.resolve(items.map((n) => ({ status: 'fulfilled' as const, value: n })));
    }, 10);
    await expect(group.submit(1)).rejects.toThrow('the batch failed');
    fail = false;
    await expect(group.submit(2)).resolves.toBe(2);
  });
});
