/**
 * Finds jump loops between chains (Tarjan's strongly connected components, iterative so a
 * dump with thousands of chains cannot overflow the stack). The kernel refuses such rulesets;
 * we report them and keep the rest of the dump usable.
 */

/** A chain and the chain each of its rules jumps or goes to (null when none). */
export interface JumpGraphChain {
  readonly name: string;
  readonly targets: readonly (string | null)[];
}

/**
 * Returns, for every rule that closes a loop, a key "chain\u0000ruleIndex" (0-based) mapped
 * to a description of the loop.
 */
export function findJumpCycles(chains: readonly JumpGraphChain[]): Map<string, string> {
  const index = new Map<string, number>();
  chains.forEach((c, i) => index.set(c.name, i));
  const edges = chains.map((c) => c.targets.map((t) => (t === null ? -1 : (index.get(t) ?? -1))).filter((t) => t >= 0));
  const n = chains.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    // Explicit DFS frames: [node, next edge position].
    const frames: [number, number][] = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const [v, pos] = frame;
      const out = edges[v] as number[];
      if (pos < out.length) {
        frame[1] = pos + 1;
        const w = out[pos] as number;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, order[w] as number);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  const members = new Map<number, string[]>();
  chains.forEach((c, i) => {
    const k = component[i] as number;
    const list = members.get(k);
    if (list) list.push(c.name);
    else members.set(k, [c.name]);
  });
  const loops = new Map<string, string>();
  chains.forEach((c, i) => {
    c.targets.forEach((t, r) => {
      if (t === null) return;
      const j = index.get(t);
      if (j === undefined) return;
      if (j === i) loops.set(`${c.name}\u0000${r}`, `${c.name} jumps to itself`);
      else if (component[j] === component[i]) {
        const names = members.get(component[i] as number) ?? [];
        loops.set(
          `${c.name}\u0000${r}`,
          `chains ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''} jump into each other`,
        );
      }
    });
  });
  return loops;
}
