/** The `{name}` placeholders of a string, sorted: what an English string and its Korean one must share. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
