/**
 * The page's next task: work made in parts awaits it between parts, so what waits for the page
 * (typing, painting, Cancel) goes first. A message to itself, not `setTimeout`: no 4 ms clamp
 * after a few parts, and a test's fake timers do not hold it back.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
