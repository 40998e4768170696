import { MinCostFlow } from './min-cost-flow';

describe('MinCostFlow', () => {
  it('augments along successively cheaper-first paths until the source is cut off', () => {
    const flow = new MinCostFlow(4);
    flow.addEdge(0, 1, 2, 1);
    flow.addEdge(0, 2, 1, 4);
    flow.addEdge(1, 2, 1, 2);
    flow.addEdge(1, 3, 1, 6);
    flow.addEdge(2, 3, 2, 1);
    // 0-1-2-3 (4), then 0-2-3 (5), then 0-1-3 (7): 16 for three units, the minimum.
    const costs = [1, 2, 3].map(() => flow.augmentShortestPath(0, 3)?.cost);
    expect(costs).toEqual([4, 5, 7]);
    expect(flow.augmentShortestPath(0, 3)).toBeNull();
  });

  it('reroutes earlier flow through residual edges when that is cheaper', () => {
    // Worker 0 takes job 2 first; worker 1 can only do job 2, so worker 0 moves to job 3.
    const flow = new MinCostFlow(5);
    const w0j2 = flow.addEdge(0, 2, 1, -10);
    const w0j3 = flow.addEdge(0, 3, 1, -9);
    const w1j2 = flow.addEdge(1, 2, 1, -8);
    flow.addEdge(2, 4, 1, 0);
    flow.addEdge(3, 4, 1, 0);
    flow.initPotentials();
    expect(flow.augmentShortestPath(0, 4)).toEqual({ cost: -10, amount: 1 });
    expect(flow.augmentShortestPath(1, 4)).toEqual({ cost: -7, amount: 1 });
    expect([flow.flow(w0j2), flow.flow(w0j3), flow.flow(w1j2)]).toEqual([0, 1, 1]);
  });

  it('sends the bottleneck amount', () => {
    const flow = new MinCostFlow(3);
    flow.addEdge(0, 1, 5, 1);
    const last = flow.addEdge(1, 2, 3, 1);
    expect(flow.augmentShortestPath(0, 2)).toEqual({ cost: 2, amount: 3 });
    expect(flow.flow(last)).toBe(3);
  });

  it('refuses a negative cycle and inexact costs', () => {
    const cyclic = new MinCostFlow(2);
    cyclic.addEdge(0, 1, 1, -1);
    cyclic.addEdge(1, 0, 1, -1);
    expect(() => cyclic.initPotentials()).toThrow(/negative cycle/);
    expect(() => new MinCostFlow(2).addEdge(0, 1, 1, 0.5)).toThrow(RangeError);
  });
});
