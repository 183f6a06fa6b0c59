-- The document store (docs/decisions/0024): attachments keep their metadata here and their bytes
-- in the store. Step 1 of 2: the new columns; the bytes column may now be empty. The bytes are
-- moved out by step 2's before.mjs, which the runtime migrator runs before step 2's SQL.

-- CreateEnum
CREATE TYPE "Confidentiality" AS ENUM ('ordinary', 'confidential');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN "storageKey" TEXT,
ADD COLUMN "confidentiality" "Confidentiality" NOT NULL DEFAULT 'ordinary',
ALTER COLUMN "data" DROP NOT NULL;

-- Committee materials were confidential by their record's rule all along; now the row says so.
UPDATE "Attachment" SET "confidentiality" = 'confidential' WHERE "recordType" = 'CommitteeMeeting';

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);
