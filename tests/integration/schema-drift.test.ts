import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSchemaDrift, findSchemaDriftWith } from "../setup/schema-drift";

// The database of this file was built by running prisma/migrations/*/migration.sql (tests/setup/per-file-db.ts),
// so any difference from prisma/schema.prisma is a migration that does not match the schema (or the reverse).

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("describe the same database", async () => {
    const differences = await findSchemaDrift(process.env.DATABASE_URL!);
    expect(differences).toEqual([]);
  });
});

describe("the drift check itself", () => {
  let client: pg.Client;
  let baseline: string[];

  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    baseline = await findSchemaDriftWith(client);
  });

  afterAll(async () => {
    await client?.end();
  });

  /** Runs DDL in a transaction that is always rolled back, and returns the differences it adds. */
  async function driftAfter(ddl: string): Promise<string[]> {
    await client.query("BEGIN");
    try {
      await client.query(ddl);
      const differences = await findSchemaDriftWith(client);
      return differences.filter((d) => !baseline.includes(d));
    } finally {
      await client.query("ROLLBACK");
    }
  }

  it("fails on a column that a migration added but the schema does not declare", async () => {
    expect(await driftAfter(`ALTER TABLE "users" ADD COLUMN "drift_probe" TEXT`)).toEqual([
      "users.drift_probe: column in database has no field in schema.prisma (model User)",
    ]);
    // Rolled back: the database is clean again.
    expect(await findSchemaDriftWith(client)).toEqual(baseline);
  });

  it("reports every kind of difference it knows, one readable line each", async () => {
    const differences = await driftAfter(`
      ALTER TABLE "users" ALTER COLUMN "name" DROP NOT NULL;
      ALTER TABLE "sessions" ALTER COLUMN "ip" TYPE VARCHAR(45);
      ALTER TABLE "users" ALTER COLUMN "locale" DROP DEFAULT;
      ALTER TABLE "outbox_mails" RENAME COLUMN "subject" TO "subject_line";
      DROP INDEX "sessions_expires_at_idx";
      CREATE INDEX "users_name_idx" ON "users"("name");
      ALTER INDEX "users_email_key" RENAME TO "users_email_unique";
      ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_fkey";
      ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
      ALTER TABLE "password_reset_tokens" DROP CONSTRAINT "password_reset_tokens_user_id_fkey";
      DROP TABLE "notifications";
      CREATE TABLE "drift_probe_table" ("id" INTEGER);
    `);
    expect(differences).toEqual(
      [
        `drift_probe_table: table in database has no model in schema.prisma`,
        `notifications: table missing in database (model Notification)`,
        `outbox_mails.subject: column missing in database (field OutboxMail.subject)`,
        `outbox_mails.subject_line: column in database has no field in schema.prisma (model OutboxMail)`,
        `password_reset_tokens: foreign key (user_id) -> users(id) missing in database (relation PasswordResetToken.user)`,
        `sessions.ip: schema says text, database has character varying(45)`,
        `sessions: foreign key "sessions_user_id_fkey" (user_id) -> users(id): schema says ON DELETE CASCADE, database has ON DELETE SET NULL`,
        `sessions: index on (expires_at) missing in database (@@index([expiresAt]) on Session, expected name "sessions_expires_at_idx")`,
        `users.locale: schema says default "id", database has no default`,
        `users.name: schema says NOT NULL, database allows NULL`,
        `users: index "users_name_idx" in database is not declared in schema.prisma: CREATE INDEX users_name_idx ON public.users USING btree (name) (to declare it: @@index([name]) in model User)`,
        `users: unique index on (email) is named "users_email_unique" in database, schema expects "users_email_key"`,
      ].sort(),
    );
  });
});
