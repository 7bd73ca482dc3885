// `npm test` and `npm run bench` run the production build of the code as it is: build when build/index.js is
// missing or older than anything it is built from (app/, prisma/, public/ but its build/, remix.config.js,
// package-lock.json); otherwise skip the 10–30 s of `npm run build`. A fresh clone, a checkout or an edit builds.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const BUILD_FILE = path.resolve("build/index.js");
// Made by the same `npm run build`, after build/index.js: a build from before it existed has no start.js.
const START_FILE = path.resolve("build/start.js");
const SOURCES = ["app", "prisma", "public", "remix.config.js", "package-lock.json"];
const OUTPUTS = new Set([path.resolve("public/build")]);

function newestMtime(p: string): number {
  if (OUTPUTS.has(p) || !existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Builds if needed; false when the build failed. */
export function ensureBuild(say: (line: string) => void): boolean {
  const built = existsSync(BUILD_FILE) && existsSync(START_FILE) ? statSync(BUILD_FILE).mtimeMs : 0;
  if (built && Math.max(...SOURCES.map((s) => newestMtime(path.resolve(s)))) <= built) return true;
  say(built ? "build/index.js is older than its sources: building…" : "No build yet: building…");
  return spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } }).status === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (!ensureBuild((line) => process.stdout.write(`${line}\n`))) {
    process.stderr.write("`npm run build` failed: see above.\n");
    process.exit(1);
  }
}
