type Part = string | readonly string[];

/** proxyutil.LineBuffer: each Write joins its words with single spaces into one line. */
export class LineBuffer {
  readonly lines: string[] = [];
  /** Appends one line made of the words (arrays are spread). */
  write(...parts: Part[]): void {
    this.lines.push(parts.flatMap((p) => (typeof p === 'string' ? [p] : [...p])).join(' '));
  }
}
