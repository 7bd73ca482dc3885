import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startApp } from "../setup/app-server";

// `npm start` with no DATABASE_URL: embedded PostgreSQL under DATA_DIR, kept between starts.
let dataDir: string;
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

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

    const second = await startApp(env);
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
    expect(alive(pgPid!)).toBe(false);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    expect(await readFile(path.join(dataDir, "pg", "PG_VERSION"), "utf8")).toMatch(/^18/);
  });
});
