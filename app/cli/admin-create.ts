// `npm run admin:create -- --email ops@lapak.id [--name "Nama"]`: makes (or promotes) an admin account.
// The password is read from ADMIN_PASSWORD or generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { db, disconnectDb } from "~/infra/db.server";
import { hashPassword } from "~/infra/password.server";
import { normalizeEmail } from "~/models/user.server";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
const email = z.string().email().safeParse(values.email);
if (!email.success) {
  console.error("Usage: npm run admin:create -- --email someone@example.com [--name \"Full Name\"]");
  process.exit(2);
}

const password = process.env.ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
const passwordHash = await hashPassword(password);
const user = await db().user.upsert({
  where: { email: normalizeEmail(email.data) },
  update: { isAdmin: true },
  create: { email: normalizeEmail(email.data), name: values.name ?? "Admin", passwordHash, isAdmin: true },
});
console.log(`Admin ready: ${user.email}`);
if (!process.env.ADMIN_PASSWORD && user.passwordHash === passwordHash) console.log(`Password (shown once): ${password}`);
await disconnectDb();
