// Prisma CLI configuration. DATABASE_URL is read from process.env with a fallback, because
// `env("DATABASE_URL")` throws when it is unset and `prisma generate` runs in postinstall on a fresh clone
// (generate never connects). Migrations are applied by lib/db/migrate.ts, not the Prisma CLI.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:54329/disclosure_atlas" },
});
