// Which errors mean "a service we depend on is not there right now" rather than a bug: the database down,
// restarting or unreachable, or object storage (S3) unreachable or answering 5xx. The HTTP front answers those
// with 503 (app/cli/server.ts); everything else stays a 500.

const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// PostgreSQL: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 starting up / cannot connect now, class 08 connection exceptions.
const PG_CODE = /^(57P0[123]|08\d{3})$/;
// Prisma: can't reach, timed out, connection closed, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGE =
  /Can't reach database server|Server has closed the connection|server closed the connection unexpectedly|Connection terminated|connection timeout|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery|not yet accepting)|terminating connection due to (administrator command|unexpected postmaster exit|crash of another server process)|Client has encountered a connection error and is not queryable|Connection is closed|ECONNREFUSED|ECONNRESET/i;

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  $metadata?: { httpStatusCode?: number };
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } };
}

export function isOutage(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as ErrorLike;
  const code = typeof e.code === "string" ? e.code : "";
  if (NODE_CODES.has(code) || PG_CODE.test(code) || PRISMA_CODES.has(code)) return true;
  const adapter = e.meta?.driverAdapterError?.cause;
  if (adapter && (ADAPTER_KINDS.has(adapter.kind ?? "") || PG_CODE.test(adapter.code ?? ""))) return true;
  // AWS SDK (S3): the service itself says it is unavailable or overloaded.
  const s3Status = e.$metadata?.httpStatusCode;
  if ((s3Status !== undefined && s3Status >= 500) || e.name === "ServiceUnavailable" || e.name === "SlowDown") return true;
  // Prisma reports a failed raw query as P2010 with the driver's message inside.
  // A transaction whose connection died surfaces as P2028 ("Transaction API error") with the cause in the text.
  if ((code === "P2010" || code === "P2028" || code === "") && typeof e.message === "string" && MESSAGE.test(e.message)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isOutage(inner, depth + 1))) return true;
  return isOutage(e.cause, depth + 1);
}
