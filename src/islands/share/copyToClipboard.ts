/**
 * Copies text with the async Clipboard API. When the browser refuses (no permission, not a
 * secure context), the text is selected in the element that shows it, so a Ctrl+C / ⌘C does
 * the rest, and false tells the caller to say so.
 */
export async function copyToClipboard(text: string, shownIn: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    shownIn?.focus();
    shownIn?.select();
    return false;
  }
}
