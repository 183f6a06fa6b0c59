import { defineConfig } from 'prisma/config';

// Prisma 7 keeps connection URLs out of schema.prisma. The app connects through the driver
// adapter in lib/data/db.ts; migrations run through scripts/migrate.ts (WebAssembly engine).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/liaison' },
});
