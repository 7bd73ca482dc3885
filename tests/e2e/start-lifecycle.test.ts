import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startApp } from "../setup/app-server";

// `npm start` with no DATABASE_URL: embedded PostgreSQL under DATA_DIR, kept between starts.
let dataDir: string;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

/** Something else holding a port on loopback, as another program or another checkout's database would. */
async function occupy(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((r) => server.close(r)));
  return server;
}

async function tempDataDir(rememberedPort?: number) {
  const dir = await mkdtemp(path.join(tmpdir(), "lapak-start-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  if (rememberedPort) {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "pg-port"), `${rememberedPort}\n`);
  }
  return dir;
}

function postgresPidFor(dir: string): number | null {
  const pidFile = path.join(dir, "pg", "postmaster.pid");
  return existsSync(pidFile) ? Number(execSync(`head -1 ${pidFile}`).toString().trim()) : null;
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("npm start on the embedded database", () => {
  it("prints demo logins, survives kill -9 with committed data intact, and stops cleanly on Ctrl-C", async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "lapak-start-"));
    const env = { DATABASE_URL: undefined, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
    delete process.env.DATABASE_URL;

    const first = await startApp(env);
    expect(first.output()).toContain("admin@lapak.test");
    expect(first.output()).toContain("Lapak is running at");
    // Commit something through the app, then crash without any cleanup.
    const signup = await fetch(`${first.url}/signup`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "Komang Ayu", email: "komang@contoh.id", password: "tirta-empul-7", passwordConfirm: "tirta-empul-7" }),
    });
    expect(signup.status).toBe(302);
    await first.stop("SIGKILL");

    // In a process group of its own, so that its stop below is a terminal's Ctrl-C: PostgreSQL gets the SIGINT too.
    const second = await startApp(env, undefined, { ownGroup: true });
    const login = await fetch(`${second.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "komang@contoh.id", password: "tirta-empul-7" }),
    });
    expect(login.status).toBe(302);
    expect(login.headers.get("set-cookie")).toContain("lapak_session=");

    const pgPid = postgresPidFor(dataDir);
    expect(pgPid).toBeTruthy();
    const code = await second.stop("SIGINT");
    expect(code).toBe(0);
    expect(second.output()).toContain("Stopped.");
    // The database going down with the app is expected on Ctrl-C: no warning or error for it (LOG_LEVEL is warn here).
    const afterStop = second.output().slice(second.output().indexOf("stopping Lapak"));
    expect(afterStop.split("\n").filter((l) => /"level":\s*(40|50|60)/.test(l))).toEqual([]);
    expect(alive(pgPid!)).toBe(false);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    expect(await readFile(path.join(dataDir, "pg", "PG_VERSION"), "utf8")).toMatch(/^18/);
  });
});

describe("a second start on the same machine", () => {
  it("refuses a taken EMBEDDED_PG_PORT with a sentence naming the port and the setting", async () => {
    const port = await freePort();
    await occupy(port);
    const dir = await tempDataDir();
    const failed = await startApp({ DATABASE_URL: undefined, DATA_DIR: dir, EMBEDDED_PG_PORT: String(port), SEED_DEMO: "false" }).then(
      (app) => {
        cleanups.push(() => app.stop("SIGINT"));
        return "started";
      },
      (error: Error) => error.message,
    );
    expect(failed).toContain(`Lapak could not start: Port ${port} for the embedded PostgreSQL is already in use`);
    expect(failed).toContain("Set EMBEDDED_PG_PORT to a free port");
    expect(failed).not.toContain("Cannot read properties of undefined");
  });

  it("runs a second checkout beside the first: the taken port is skipped and the new one remembered", async () => {
    // Both data directories would take the same port (as both checkouts would take 54329).
    const shared = await freePort();
    const first = await startApp({ DATABASE_URL: undefined, DATA_DIR: await tempDataDir(shared), EMBEDDED_PG_PORT: undefined, SEED_DEMO: "false" });
    cleanups.push(() => first.stop("SIGINT"));
    expect(first.output()).toContain(`embedded PostgreSQL on port ${shared}`);

    const secondDir = await tempDataDir(shared);
    const second = await startApp({ DATABASE_URL: undefined, DATA_DIR: secondDir, EMBEDDED_PG_PORT: undefined, SEED_DEMO: "false" });
    cleanups.push(() => second.stop("SIGINT"));
    const chosen = Number((await readFile(path.join(secondDir, "pg-port"), "utf8")).trim());
    expect(chosen).not.toBe(shared);
    expect(second.output()).toContain(`Port ${shared} is in use; the embedded PostgreSQL takes port ${chosen}`);
    for (const app of [first, second]) expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

    // The next start of the second checkout goes straight to its remembered port.
    expect(await second.stop("SIGINT")).toBe(0);
    const again = await startApp({ DATABASE_URL: undefined, DATA_DIR: secondDir, EMBEDDED_PG_PORT: undefined, SEED_DEMO: "false" });
    cleanups.push(() => again.stop("SIGINT"));
    expect(again.output()).toContain(`embedded PostgreSQL on port ${chosen}`);
    expect(again.output()).not.toContain("is in use");
  }, 300_000);
});
