/**
 * Copies text to the clipboard: the async Clipboard API where the browser allows it, else
 * the old hidden-textarea + execCommand('copy') route (older browsers, non-secure contexts).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied or not focused: try the fallback.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'sr-only';
  document.body.append(area);
  area.select();
  try {
    // Deprecated, but the only way to copy where the Clipboard API is missing.
    const legacy = document as unknown as { execCommand(command: string): boolean };
    return legacy.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
