import pg from "pg";
import { logger } from "./logger.server";
import { logUnlessStopping } from "./lifecycle.server";
import { connectionLost } from "./pg-pool.server";

/** Waits before the n-th reconnect attempt: 0.5 s, 1 s, 2 s, then every 4 s while the database stays away. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 4000);
}

export interface Listener {
  /** True while the LISTEN connection is up (notifications may be missed while it is not). */
  readonly connected: boolean;
  stop(): Promise<void>;
}

/**
 * LISTEN on one channel with a connection of its own (not from a pool). When the database goes away (restart,
 * kill, failover) the error is logged, never thrown, and it reconnects with backoff; `onLost` runs as soon as the
 * connection is gone and `onReconnect` once it is back, so the caller can make up for notifications it missed.
 */
export async function listenWithReconnect(opts: {
  connectionString: string;
  channel: string;
  what: string;
  onNotification: (payload: string | undefined) => void;
  onReconnect?: () => void;
  onLost?: () => void;
}): Promise<Listener> {
  const { connectionString, channel, what } = opts;
  let listener: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
    client.on("error", connectionLost(what));
    client.on("notification", (n) => opts.onNotification(n.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    listener = client;
    client.once("end", () => {
      if (listener === client) listener = undefined;
      opts.onLost?.();
      if (!stopped) scheduleReconnect(0);
    });
  };

  const scheduleReconnect = (attempt: number) => {
    if (stopped || retry) return;
    retry = setTimeout(async () => {
      retry = undefined;
      try {
        await connect();
        logger.info({ attempts: attempt + 1 }, `${what} reconnected`);
        opts.onReconnect?.();
      } catch (error) {
        logUnlessStopping("warn", { message: (error as Error).message, attempt: attempt + 1 }, `${what} cannot reconnect yet`);
        scheduleReconnect(attempt + 1);
      }
    }, reconnectDelayMs(attempt));
  };

  await connect();
  return {
    get connected() {
      return Boolean(listener) && !stopped;
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const client = listener;
      listener = undefined;
      await client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
      await client?.end().catch(() => undefined);
    },
  };
}
