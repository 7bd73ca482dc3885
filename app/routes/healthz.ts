import { checkDatabase } from "~/infra/health.server";

// 200 when the database answers within a second, 503 otherwise; load balancers and `npm start` use it.
export async function loader() {
  const ok = await checkDatabase(1000);
  return new Response(JSON.stringify({ status: ok ? "ok" : "unavailable", database: ok }), {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
