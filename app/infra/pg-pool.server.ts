import pg from "pg";
import { logUnlessStopping } from "./lifecycle.server";

/**
 * A pg pool that a lost database cannot crash. pg-pool listens for errors only on idle clients; a client that
 * is checked out (inside a transaction, or held while a mail is sent) and loses its connection between two
 * queries emits an 'error' event nobody handles, which ends the process. So every client gets a listener of
 * its own that logs; its next query fails (a 503 for the page) and the pool drops it when it is released.
 */
export function resilientPool(options: pg.PoolConfig, what: string): pg.Pool {
  const pool = new pg.Pool({ connectionTimeoutMillis: 5000, ...options });
  const lost = connectionLost(what);
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  return pool;
}

/** The 'error' listener of a client: a lost connection is a warning, unless the process is stopping. */
export function connectionLost(what: string) {
  return (error: Error & { code?: string }) => logUnlessStopping("warn", { message: error.message, code: error.code }, `${what} connection lost`);
}
