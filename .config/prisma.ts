import { defineConfig } from "prisma/config";

// Prisma 7 reads its settings here. Migrations are applied by the app itself
// (app/infra/migrate.server.ts) because the schema engine cannot be downloaded on these machines.
export default defineConfig({
  schema: "../prisma/schema.prisma",
  migrations: { path: "../prisma/migrations" },
});
