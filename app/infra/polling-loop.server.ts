import { logger } from "~/infra/logger.server";

/**
 * A background loop that runs `round` every `pollMs` (never two rounds at once) and again soon after `kick()`.
 * `round` returns true while there is more to do right away. Used by the embedded sandboxes' notification delivery.
 */
export function startPollingLoop(name: string, round: () => Promise<boolean>, opts: { pollMs?: number } = {}) {
  let running = false;
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (running || stopped) return;
    running = true;
    current = (async () => {
      try {
        while ((await round()) && !stopped);
      } catch (error) {
        logger.warn({ err: error }, `${name} round failed`);
      } finally {
        running = false;
      }
    })();
  };
  const timer = setInterval(tick, opts.pollMs ?? 1000);
  tick();
  return {
    /** After the enqueuing transaction commits: the loop runs on its next tick. */
    kick() {
      setTimeout(tick, 20);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
