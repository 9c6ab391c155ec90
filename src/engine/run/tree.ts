/**
 * A per-connection decision-tree cache for stateless walks. The first time a run follows a
 * path of random decisions, it walks the rules for real (replaying the decisions already
 * drawn, drawing the rest from the run's generator exactly as a sampling Chooser would) and
 * records the outcome and the rule counters of that walk at a leaf. Later connections draw
 * the same decisions from the generator against the recorded tree: one draw per decision, so
 * the sequence of outcomes is bit-identical to full walks with the same seed (tested), at a
 * fraction of the cost. Only valid when nothing in the rules keeps state between connections
 * or looks at what differs between them (the source port) — the runner checks that.
 */
import type { Chooser, Rng } from '../random/types';

/** What a leaf remembers about its path. */
export interface Leaf {
  /** Caller-defined outcome id. */
  readonly outcome: number;
  /** Per node: the counter slots the walk incremented (one entry per increment). */
  readonly slots: readonly Int32Array[];
  /** Connections that ended here. */
  hits: number;
  /** False for a path walked after the tree was full: counted by the caller, not stored. */
  readonly stored: boolean;
}

const UNEXPLORED = 0;
const BERNOULLI = 1;
const UNIFORM = 2;
const LEAF = 3;

interface TreeNode {
  kind: number;
  /** Probability (bernoulli) or width (uniform) of the decision. */
  p: number;
  children: (TreeNode | undefined)[];
  leaf: Leaf | null;
}

const unexplored = (): TreeNode => ({ kind: UNEXPLORED, p: 0, children: [], leaf: null });

/** Runs the real walk under a chooser; returns the outcome id and the counter slots it hit. */
export type ExploreWalk = (chooser: Chooser) => { outcome: number; slots: Int32Array[] };

/** The cache for one connection spec. */
export class DecisionTree {
  private readonly root = unexplored();
  private readonly path: number[] = [];
  private leafCount = 0;
  private readonly leaves: Leaf[] = [];

  constructor(
    private readonly explore: ExploreWalk,
    /** Beyond this many leaves the tree stops growing and `sample` returns null. */
    private readonly maxLeaves = 4096,
  ) {}

  /** Every leaf recorded so far. */
  allLeaves(): readonly Leaf[] {
    return this.leaves;
  }

  /**
   * Samples one connection: draws its decisions from `rng` and returns its leaf, walking the
   * rules once for a path not seen before. Once the tree is full, a new path is still walked
   * for real (same draws) but returned as an unstored leaf.
   */
  sample(rng: Rng): Leaf {
    let node = this.root;
    const path = this.path;
    path.length = 0;
    for (;;) {
      if (node.kind === LEAF) return node.leaf as Leaf;
      if (node.kind === UNEXPLORED) return this.grow(node, path, rng);
      const u = rng.next();
      const branch = node.kind === BERNOULLI ? (u < node.p ? 0 : 1) : Math.floor(u * node.p);
      path.push(branch);
      let child = node.children[branch];
      if (!child) {
        child = unexplored();
        node.children[branch] = child;
      }
      node = child;
    }
  }

  private grow(start: TreeNode, prefix: readonly number[], rng: Rng): Leaf {
    const store = this.leafCount < this.maxLeaves;
    // Replay the decisions already drawn, then draw new ones exactly as samplingChooser does.
    const fresh: { kind: number; p: number; branch: number }[] = [];
    let k = 0;
    const chooser: Chooser = {
      bernoulli: (p) => {
        if (k < prefix.length) return prefix[k++] === 0;
        k++;
        const branch = rng.next() < p ? 0 : 1;
        fresh.push({ kind: BERNOULLI, p, branch });
        return branch === 0;
      },
      uniform: (n) => {
        if (k < prefix.length) return prefix[k++] as number;
        k++;
        const branch = Math.floor(rng.next() * n);
        fresh.push({ kind: UNIFORM, p: n, branch });
        return branch;
      },
    };
    const { outcome, slots } = this.explore(chooser);
    if (k < prefix.length) throw new Error('internal: the walk asked fewer decisions on replay; it is not stateless');
    if (!store) return { outcome, slots, hits: 0, stored: false };
    let node = start;
    for (const d of fresh) {
      node.kind = d.kind;
      node.p = d.p;
      const child = unexplored();
      node.children[d.branch] = child;
      node = child;
    }
    const leaf: Leaf = { outcome, slots, hits: 0, stored: true };
    node.kind = LEAF;
    node.leaf = leaf;
    this.leafCount++;
    this.leaves.push(leaf);
    return leaf;
  }
}
