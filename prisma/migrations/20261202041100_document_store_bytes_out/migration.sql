-- The document store, step 2 of 2: every attachment's bytes are in the store by now (before.mjs
-- moved them and checked each one's SHA-256); the bytes column goes.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Attachment" WHERE "storageKey" IS NULL) THEN
    RAISE EXCEPTION 'attachments whose bytes were not moved to the document store remain (run the migrator, which moves them first)';
  END IF;
END $$;

-- AlterTable
ALTER TABLE "Attachment" DROP COLUMN "data",
ALTER COLUMN "storageKey" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");
