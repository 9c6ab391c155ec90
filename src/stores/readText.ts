/**
 * Reads a file's text the way Blob.text() does (UTF-8, a leading BOM dropped, bad bytes
 * replaced), but chunk by chunk with the main thread handed back in between: Blob.text()
 * decodes a 40 MB file in one task that holds the page for 100 ms or more, and a stream read in
 * a loop can also run to its end in one task (its chunks resolve as microtasks).
 */
import { yieldToBrowser } from './yieldToBrowser';

/** The text of `file`, decoded a chunk per task (whole, where the platform cannot stream). */
export async function readText(file: Blob): Promise<string> {
  if (typeof TextDecoderStream === 'undefined' || typeof file.stream !== 'function') return file.text();
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    await yieldToBrowser();
  }
  return parts.join('');
}
