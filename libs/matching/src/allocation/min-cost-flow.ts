// Min-cost flow by successive shortest paths with node potentials (Dijkstra on reduced costs).
// Costs must be safe integers, so every distance is exact and ties are real ties.
export class MinCostFlow {
  // Edge e and its residual twin e ^ 1, filled by addEdge and frozen by the first solve.
  private readonly edgeFrom: number[] = [];
  private readonly edgeTo: number[] = [];
  private readonly edgeCap: number[] = [];
  private readonly edgeCost: number[] = [];
  private frozen?: {
    to: Int32Array;
    residual: Int32Array;
    cost: Float64Array;
    adjStart: Int32Array;
    adj: Int32Array;
  };
  private readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly parentEdge: Int32Array;
  private readonly done: Uint8Array;
  private readonly heap = new DistanceHeap();

  constructor(readonly nodeCount: number) {
    this.potential = new Float64Array(nodeCount);
    this.dist = new Float64Array(nodeCount).fill(Infinity);
    this.parentEdge = new Int32Array(nodeCount).fill(-1);
    this.done = new Uint8Array(nodeCount);
  }

  // Returns the edge id, for reading its flow later. Edges keep insertion order in the
  // adjacency lists, which is what makes ties between equal-cost paths deterministic.
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    if (this.frozen) throw new Error('MinCostFlow: edges must be added before solving');
    if (!Number.isSafeInteger(cost) || !Number.isSafeInteger(capacity) || capacity < 0) {
      throw new RangeError('MinCostFlow: capacity and cost must be safe integers');
    }
    const id = this.edgeFrom.length;
    this.edgeFrom.push(from, to);
    this.edgeTo.push(to, from);
    this.edgeCap.push(capacity, 0);
    this.edgeCost.push(cost, -cost);
    return id;
  }

  flow(edgeId: number): number {
    const residual = this.graph().residual;
    return residual[edgeId ^ 1];
  }

  // Potentials that make every reduced cost non-negative, needed once before the first
  // augmentation when some costs are negative. Bellman-Ford (queue-based) from a virtual node
  // joined to every node at cost 0; throws if there is a negative cycle.
  initPotentials(): void {
    const { to, residual, cost, adjStart, adj } = this.graph();
    const n = this.nodeCount;
    const pot = this.potential.fill(0);
    const queued = new Uint8Array(n).fill(1);
    const relaxations = new Int32Array(n);
    const queue: number[] = Array.from({ length: n }, (_, v) => v);
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head];
      queued[u] = 0;
      for (let a = adjStart[u]; a < adjStart[u + 1]; a++) {
        const e = adj[a];
        const v = to[e];
        if (residual[e] > 0 && pot[u] + cost[e] < pot[v]) {
          pot[v] = pot[u] + cost[e];
          if (++relaxations[v] > n) throw new Error('MinCostFlow: negative cycle');
          if (!queued[v]) {
            queued[v] = 1;
            queue.push(v);
          }
        }
      }
    }
  }

  // Sends the bottleneck amount along a cheapest residual path from source to sink.
  // Returns the path's cost per unit, or null when the sink is unreachable.
  augmentShortestPath(source: number, sink: number): { cost: number; amount: number } | null {
    const { to, residual, cost, adjStart, adj } = this.graph();
    const { potential: pot, dist, parentEdge, done, heap } = this;
    const touched: number[] = [source];
    const settled: number[] = [];
    dist[source] = 0;
    heap.push(0, source);
    while (heap.size > 0) {
      const u = heap.popNode();
      if (done[u]) continue;
      done[u] = 1;
      settled.push(u);
      // Stopping at the sink is what keeps an augmentation local to the nodes it needs.
      if (u === sink) break;
      const du = dist[u];
      for (let a = adjStart[u]; a < adjStart[u + 1]; a++) {
        const e = adj[a];
        if (residual[e] === 0) continue;
        const v = to[e];
        // Settled nodes keep their parents, so the path walk below always ends at the source.
        if (done[v]) continue;
        const dv = du + cost[e] + pot[u] - pot[v];
        if (dv < dist[v]) {
          if (dist[v] === Infinity) touched.push(v);
          dist[v] = dv;
          parentEdge[v] = e;
          heap.push(dv, v);
        }
      }
    }
    heap.clear();

    let result: { cost: number; amount: number } | null = null;
    if (done[sink]) {
      // Potential update capped at the sink's distance: pot += min(dist, D) - D. Only nodes
      // settled closer than the sink change, and every reduced cost stays non-negative.
      const reach = dist[sink];
      for (const v of settled) pot[v] -= reach - dist[v];
      let amount = Infinity;
      for (let v = sink; v !== source; v = to[parentEdge[v] ^ 1]) {
        amount = Math.min(amount, residual[parentEdge[v]]);
      }
      let pathCost = 0;
      for (let v = sink; v !== source; v = to[parentEdge[v] ^ 1]) {
        const e = parentEdge[v];
        residual[e] -= amount;
        residual[e ^ 1] += amount;
        pathCost += cost[e];
      }
      result = { cost: pathCost, amount };
    }
    for (const v of touched) {
      dist[v] = Infinity;
      parentEdge[v] = -1;
      done[v] = 0;
    }
    return result;
  }

  private graph() {
    if (this.frozen) return this.frozen;
    const m = this.edgeFrom.length;
    const adjStart = new Int32Array(this.nodeCount + 1);
    for (const u of this.edgeFrom) adjStart[u + 1]++;
    for (let v = 0; v < this.nodeCount; v++) adjStart[v + 1] += adjStart[v];
    const fill = adjStart.slice(0, this.nodeCount);
    const adj = new Int32Array(m);
    for (let e = 0; e < m; e++) adj[fill[this.edgeFrom[e]]++] = e;
    this.frozen = {
      to: Int32Array.from(this.edgeTo),
      residual: Int32Array.from(this.edgeCap),
      cost: Float64Array.from(this.edgeCost),
      adjStart,
      adj,
    };
    return this.frozen;
  }
}

// Min-heap of (distance, node) with lazy deletion: stale entries are skipped by the caller.
// Equal distances pop the lower node first, so runs are reproducible.
class DistanceHeap {
  private keys: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  clear(): void {
    this.keys.length = 0;
    this.nodes.length = 0;
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(key, node, keys[parent], nodes[parent])) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  popNode(): number {
    const { keys, nodes } = this;
    const top = nodes[0];
    const key = keys.pop()!;
    const node = nodes.pop()!;
    const n = keys.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (
        child + 1 < n &&
        this.before(keys[child + 1], nodes[child + 1], keys[child], nodes[child])
      )
        child++;
      if (!this.before(keys[child], nodes[child], key, node)) break;
      keys[i] = keys[child];
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }

  private before(keyA: number, nodeA: number, keyB: number, nodeB: number): boolean {
    return keyA < keyB || (keyA === keyB && nodeA < nodeB);
  }
}
