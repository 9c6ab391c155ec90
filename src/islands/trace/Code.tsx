/**
 * A UI string whose `backticked` parts are code. Built from text nodes only, so no string —
 * nor any value filled into it — is ever parsed as HTML.
 */
export function Code({ text }: { text: string }) {
  const parts = text.split('`');
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
