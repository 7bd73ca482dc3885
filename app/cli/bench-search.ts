// `npm run bench:search`: the database time of each search page's statements, one connection, with EXPLAIN ANALYZE.
//
// The HTTP bench (`npm run bench`) measures req/s and latency through the whole app, which on a shared machine
// moves with everyone else's load. This one asks PostgreSQL how long each statement of a search took to plan and
// run (EXPLAIN ANALYZE's own timings), so a query plan or an index can be judged on a busy machine too.
//
// 1. PostgreSQL: BENCH_DATABASE_URL, or an embedded one in a temp dir; migrated and seeded (bench-seed.ts,
//    BENCH_PRODUCTS, 100,000 by default; a database already seeded is used as it is).
// 2. For each search: the service (browse) is called once to warm up, once more while its statements are
//    recorded; then each statement is EXPLAIN ANALYZEd BENCH_RUNS times (30) in turn, and the page's database
//    time (the sum of its statements' planning + execution) is reported as min / p50 / p95 / max (on a busy
//    machine the min is the closest to what the statements cost alone), with the slowest
//    statement's plan summary. Also the wall time of the service call itself (Prisma and our code included).
//
// Env: BENCH_DATABASE_URL, BENCH_PRODUCTS, BENCH_RUNS, BENCH_SEARCHES (a `|`-separated list of query strings).
import os from "node:os";
import path from "node:path";
import { mkdtemp, rm } from "node:fs/promises";

const say = (line = "") => process.stdout.write(`${line}\n`);

const DEFAULT_SEARCHES = [
  "q=gamis+hitam",
  "q=gamsi",
  "q=kemeja&provinsi=32&urut=price_asc",
  "q=kemeja",
  "q=kopi+arabika+gayo",
  "q=gamsi+hitam&urut=newest",
  "q=sepatu&min=100000&max=300000&kondisi=new&urut=newest",
  "q=meja&urut=bestselling",
];

interface ExplainNode {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: ExplainNode[];
}

function percentile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function scans(node: ExplainNode, out: string[] = []): string[] {
  if (node["Index Name"] || node["Relation Name"]) {
    const rows = (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1);
    out.push(`${node["Index Name"] ?? `${node["Node Type"]} ${node["Relation Name"]}`} (${Math.round(rows)})`);
  }
  for (const c of node.Plans ?? []) scans(c, out);
  return out;
}

async function main() {
  const productCount = Number(process.env.BENCH_PRODUCTS ?? 100_000);
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const searches = process.env.BENCH_SEARCHES ? process.env.BENCH_SEARCHES.split("|") : DEFAULT_SEARCHES;
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    let databaseUrl = process.env.BENCH_DATABASE_URL;
    if (!databaseUrl) {
      const dir = await mkdtemp(path.join(os.tmpdir(), "lapak-bench-search-"));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const { startEmbeddedDb, isPortFree } = await import("~/infra/embedded-db.server");
      let port = 56000 + Math.floor(Math.random() * 2000);
      while (!(await isPortFree(port))) port++;
      const embedded = await startEmbeddedDb({ dataDir: path.join(dir, "pg"), port, database: "lapak_bench" });
      cleanups.push(() => embedded.stop());
      databaseUrl = embedded.url;
    }
    const { migrate } = await import("~/infra/migrate.server");
    await migrate(databaseUrl);
    const { seedBenchCatalog, captureQueries } = await import("./bench-seed");
    const seeded = await seedBenchCatalog(databaseUrl, { products: productCount, log: (l) => say(`  ${l}`) });
    process.env.DATABASE_URL = databaseUrl;
    process.env.LOG_LEVEL = "silent";

    const pg = (await import("pg")).default;
    const { SEARCH_SESSION_OPTIONS, disconnectDb } = await import("~/infra/db.server");
    const client = new pg.Client({ connectionString: databaseUrl, options: SEARCH_SESSION_OPTIONS });
    await client.connect();
    cleanups.unshift(() => client.end());
    cleanups.unshift(() => disconnectDb());
    const { browse, parseBrowseParams } = await import("~/services/browse.server");
    const call = (qs: string) => browse(parseBrowseParams(new URL(`http://bench/cari?${qs}`)));

    say(`Search statements, ${seeded.products.toLocaleString("en")} products, ${runs} EXPLAIN ANALYZE runs each, one connection; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    say(`${"search".padEnd(56)} stmts  db min  db p50  db p95  db max  | svc p50  svc p95 ms | results | slowest statement's scans (rows)`);
    for (const qs of searches) {
      await call(qs);
      const { result, queries } = await captureQueries(() => call(qs));
      const statements = queries.filter((q) => /^\s*(SELECT|WITH)\b/i.test(q.text));
      const totals: number[] = [];
      const perStatement = statements.map(() => [] as number[]);
      const plans: ExplainNode[] = [];
      for (let r = 0; r < runs; r++) {
        let total = 0;
        for (const [i, q] of statements.entries()) {
          const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: ExplainNode; "Planning Time": number; "Execution Time": number }] }>(
            `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${q.text}`,
            q.values,
          );
          const out = rows[0]["QUERY PLAN"][0];
          const ms = out["Planning Time"] + out["Execution Time"];
          perStatement[i].push(ms);
          plans[i] = out.Plan;
          total += ms;
        }
        totals.push(total);
      }
      const wall: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t = process.hrtime.bigint();
        await call(qs);
        wall.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      totals.sort((a, b) => a - b);
      wall.sort((a, b) => a - b);
      const medians = perStatement.map((xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
      const slowest = medians.indexOf(Math.max(...medians));
      say(
        `${qs.padEnd(56)} ${String(statements.length).padStart(5)}  ${totals[0].toFixed(1).padStart(6)}  ${percentile(totals, 0.5).toFixed(1).padStart(6)}  ${percentile(totals, 0.95).toFixed(1).padStart(6)}  ${totals[totals.length - 1].toFixed(1).padStart(6)}` +
          `  | ${percentile(wall, 0.5).toFixed(1).padStart(7)}  ${percentile(wall, 0.95).toFixed(1).padStart(7)}    | ${String(result.total).padStart(7)} | ${slowest >= 0 ? scans(plans[slowest]).join(", ") : "-"}`,
      );
      if (process.env.SHOW_SQL) for (const [i, q] of statements.entries()) say(`    [${medians[i].toFixed(1)} ms] ${q.text.replace(/\s+/g, " ")}  ${JSON.stringify(q.values)}`);
    }
    say(`Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    for (const fn of cleanups) await fn().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench:search failed: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
