import { spawn } from "node:child_process";
import path from "node:path";
import { bundleScript } from "../../app/cli/bundle";

// Each child script bundled once per test process, as build/start.js is: a child through tsx spent about 3 s of CPU
// loading before its work, and a crash test starts eight. Inside node_modules so the bundle's package imports resolve.
const bundles = new Map<string, Promise<string>>();
function bundled(script: string): Promise<string> {
  let out = bundles.get(script);
  if (!out) {
    const file = path.resolve("node_modules/.cache/lapak", `${path.basename(script, ".ts")}.js`);
    out = bundleScript(script, file).then(() => file);
    bundles.set(script, out);
  }
  return out;
}

/**
 * Runs a child script (TypeScript, bundled) that prints "ready" once it is connected and then works until it is killed; kills it
 * with SIGKILL, as a power cut would, `killAfter` ms after "ready" or when the `killAfter` promise (started at
 * "ready") settles. Rejects when the child exits on its own. CRASH_DEBUG=1 prints the child's stderr.
 */
export function runChildUntilKilled(
  script: string,
  args: string[],
  killAfter: number | (() => Promise<unknown>),
  env: Record<string, string> = {},
): Promise<void> {
  return bundled(script).then((file) => killedChild(file, args, killAfter, env));
}

function killedChild(file: string, args: string[], killAfter: number | (() => Promise<unknown>), env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--enable-source-maps", file, ...args], {
      env: { ...process.env, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => (err += String(d)));
    child.stdout.on("data", (d) => {
      if (!String(d).includes("ready")) return;
      const kill = () => child.kill("SIGKILL");
      if (typeof killAfter === "number") setTimeout(kill, killAfter);
      else killAfter().then(kill, kill);
    });
    child.on("exit", (code, signal) => {
      if (process.env.CRASH_DEBUG) console.log(err.slice(0, 1500));
      if (signal === "SIGKILL") resolve();
      else reject(new Error(`child exited ${code}: ${err.slice(-2000)}`));
    });
  });
}
