// Demo data, loaded once on the first start (and by `npm start` on any empty database).
// Later features extend this one module: shops in each verification state, categories, products.
import { db } from "~/infra/db.server";
import { hashPassword } from "~/infra/password.server";
import { createUser } from "~/models/user.server";
import { seedDemoCatalog } from "./demo/catalog";
import { DEMO_SHOPS, seedDemoShops } from "./demo/shops";

export const DEMO_PASSWORD = "lapak-demo-2026";

export interface DemoLogin {
  role: "admin" | "buyer" | "seller";
  email: string;
  name: string;
  note?: string;
}

export const DEMO_USERS: DemoLogin[] = [
  { role: "admin", email: "admin@lapak.test", name: "Rina Kusumawati", note: "verifikasi penjual" },
  { role: "buyer", email: "budi@lapak.test", name: "Budi Santoso" },
  { role: "buyer", email: "sari@lapak.test", name: "Sari Wulandari" },
  { role: "seller", email: "agus@lapak.test", name: "Agus Setiawan", note: "calon penjual" },
  { role: "seller", email: "dewi@lapak.test", name: "Dewi Lestari", note: "calon penjual" },
  { role: "seller", email: "joko@lapak.test", name: "Joko Prasetyo", note: "calon penjual" },
  ...DEMO_SHOPS.map((s) => ({ role: "seller" as const, email: s.email, name: s.owner, note: `${s.shop} (${s.target})` })),
];

export async function seedDemoData(): Promise<{ password: string; logins: DemoLogin[]; created: boolean }> {
  // Accounts with a published password must never exist in production, whoever calls this.
  if (process.env.NODE_ENV === "production") throw new Error("Demo data is never loaded in production; create the first admin with `npm run admin:create`");
  const already = await db().user.findUnique({ where: { email: DEMO_USERS[0].email }, select: { id: true } });
  if (already || (await db().user.count()) > 0) return { password: DEMO_PASSWORD, logins: already ? DEMO_USERS : [], created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = await db().$transaction(async (tx) => {
    const byEmail = new Map<string, { id: string }>();
    for (const u of DEMO_USERS) {
      byEmail.set(u.email, await createUser(tx, { email: u.email, name: u.name, passwordHash, isAdmin: u.role === "admin" }));
    }
    return byEmail;
  });
  await seedDemoShops(users, users.get(DEMO_USERS[0].email)!.id);
  // 300+ products with photos in the two approved shops (takes a while: every photo is processed like an upload).
  // Tests that do not browse skip the ~300 demo products to start faster.
  if (process.env.SEED_DEMO_CATALOG !== "false") await seedDemoCatalog([...users].map(([email, user]) => ({ email, id: user.id })));
  return { password: DEMO_PASSWORD, logins: DEMO_USERS, created: true };
}
