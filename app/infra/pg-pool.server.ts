import pg from "pg";
import { logger } from "./logger.server";

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

// Set when the process stops on purpose (Ctrl-C, SIGTERM). A Ctrl-C in a terminal reaches the whole process group,
// so the embedded PostgreSQL shuts down at the same moment and closes every connection before our pools are
// closed: expected then, and not worth a warning or an error in the log.
let stopping = false;

/** The process is stopping: connections dropped from now on are logged at debug level. */
export function markStopping() {
  stopping = true;
}

// The same Ctrl-C reaches PostgreSQL and us together, and a dropped connection can be seen before our own SIGINT
// handler has run (it was, once, in a clean-clone run): what goes wrong is logged this long after, unless stopping.
const STOP_GRACE_MS = 250;

/** Logs at `level` unless the process is stopping now or within a moment; then at debug. */
export function logUnlessStopping(level: "warn" | "error", details: object, message: string) {
  const log = () => (stopping ? logger.debug : logger[level]).call(logger, details, message);
  if (stopping) log();
  else setTimeout(log, STOP_GRACE_MS).unref();
}

/** The 'error' listener of a client: a lost connection is a warning, unless the process is stopping. */
export function connectionLost(what: string) {
  return (error: Error & { code?: string }) => logUnlessStopping("warn", { message: error.message, code: error.code }, `${what} connection lost`);
}
