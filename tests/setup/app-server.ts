import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface RunningApp {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Starts the built app the way `npm start` does (build/start.js, bundled from app/cli/start.ts) and waits for /healthz.
 * `ownGroup`: the app runs in a process group of its own, and `stop` signals the whole group, as a Ctrl-C in a
 * terminal does (the embedded PostgreSQL gets it too).
 */
export async function startApp(env: Record<string, string | undefined>, timeoutMs = 120_000, opts: { ownGroup?: boolean } = {}): Promise<RunningApp> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--enable-source-maps", path.resolve("build/start.js")], {
    // Development mode, because the browser tests sign in with the demo accounts and production never seeds them;
    // the settings production requires are set anyway (throwaway KYC key and session secret, APP_URL = this
    // server), so a test can pass NODE_ENV: "production" and get a start that boots.
    env: {
      ...process.env,
      NODE_ENV: "development",
      SECURE_COOKIES: "false",
      LOG_LEVEL: "warn",
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: "e2e-session-secret-not-for-production",
      KYC_ENCRYPTION_KEYS: `test:${Buffer.alloc(32, 7).toString("base64")}`,
      SEED_DEMO_CATALOG: "false",
      ...env,
      // Cheap password hashing as in the test process (vitest config), except for a production start, which refuses it.
      ...(env.NODE_ENV === "production" ? { PASSWORD_HASH_COST: undefined } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: Boolean(opts.ownGroup),
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited early (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`app did not become healthy in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    output: () => out,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        if (opts.ownGroup) process.kill(-child.pid!, signal);
        else child.kill(signal);
      }),
  };
}
