// One file of plain JavaScript from a TypeScript entry point and the app modules it imports (packages stay
// imports), so Node runs it without tsx. `npm run build` makes build/start.js this way: `npm start` and every app
// the end-to-end tests start load it instead of compiling app/ through tsx's loader on each start (a start took
// about 9 s of CPU, 2.4 s of it tsx; docs/decisions/0005-browse-speed.md, seventh round).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "../..");

export async function bundleScript(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [path.resolve(ROOT, entry)],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    alias: { "~": path.join(ROOT, "app") },
    sourcemap: "linked",
    logLevel: "warning",
  });
}

export const START_BUNDLE = path.join(ROOT, "build/start.js");

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await bundleScript("app/cli/start.ts", START_BUNDLE);
