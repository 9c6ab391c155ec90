/**
 * Hands the main thread back to the browser between slices of a long run, so the progress
 * bar paints and the cancel button answers. A MessageChannel message runs after pending
 * input and rendering work but, unlike setTimeout(0), is not clamped to 4 ms when nested.
 */
export function yieldToBrowser(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
