/**
 * One line of a walk's trace, like the kernel's `-j TRACE` output: which rule of which chain
 * was evaluated on which node, whether it matched, and what happened.
 */
export interface TraceEntry {
  /** The node whose rules these are ("" in single-node mode without a name). */
  readonly node: string;
  /** The built-in hook the packet is traversing (PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING). */
  readonly hook: string;
  readonly table: string;
  readonly chain: string;
  /** 1-based rule number; 0 for the chain's policy or the implicit return at its end. */
  readonly rule: number;
  /** The rule as written in the dump, or "policy ACCEPT" / "return". */
  readonly text: string;
  readonly matched: boolean;
  /** What the rule did when it matched: "jump KUBE-SVC-…", "DNAT 10.244.1.2:8080", "ACCEPT", "continue", … */
  readonly action: string;
  /** "reply" for rules the answer packet walked on its way back. */
  readonly direction: 'original' | 'reply';
}
