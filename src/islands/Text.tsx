/**
 * A UI string with `code` spans: text between backticks becomes <code>. Built from text
 * nodes only, so nothing in a string (or a value filled into it) is ever parsed as HTML.
 */
export function Text({ children }: { children: string }) {
  const parts = children.split('`');
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
