// Lets calls that arrive while a batch is being worked on wait for the next batch, which takes
// them all (up to `max`) in one run: group commit. An idle process runs a lone call at once, a
// busy one runs bigger batches, so the batch size follows the load without a timer. One batch
// runs at a time per instance; each call settles with its own item's result.
export class GroupCommit<I, O> {
  private readonly waiting: Array<{
    item: I;
    resolve: (value: O) => void;
    reject: (reason: unknown) => void;
  }> = [];
  private running = false;

  constructor(
    // One result per item, in the items' order: one item failing must not fail the others.
    private readonly run: (items: I[]) => Promise<Array<PromiseSettledResult<O>>>,
    private readonly max: number,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.max);
        let results: Array<PromiseSettledResult<O>>;
        try {
          results = await this.run(batch.map((b) => b.item));
        } catch (error) {
          results = batch.map(() => ({ status: 'rejected', reason: error }));
        }
        batch.forEach((call, i) => {
          const result = results[i];
          if (result?.status === 'fulfilled') call.resolve(result.value);
          else call.reject(result ? result.reason : new Error('no result for this item'));
        });
      }
    } finally {
      this.running = false;
    }
  }
}
