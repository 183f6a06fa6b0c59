/** `npm run db:seed`: seeds the database at DATABASE_URL with the demo data. */
import { createPrisma } from '@/lib/data/db';
import { seed } from '@/prisma/seed/seed';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set.');
  process.exit(2);
}
const prisma = createPrisma(url, 1);
seed(prisma, (l) => console.log(l))
  .then(() => prisma.$disconnect())
  .catch(async (e) => {
    console.error(e);
    await prisma.$disconnect();
    process.exit(1);
  });
