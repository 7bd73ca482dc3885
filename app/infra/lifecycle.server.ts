import { logger } from "./logger.server";

// The process's own stop, for the modules whose connections it cuts (pools, listeners, the job queue).

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
