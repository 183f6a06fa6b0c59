-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "issuerActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "Recommendation_institutionId_issuerActivityAt_idx" ON "Recommendation"("institutionId", "issuerActivityAt");

-- Backfill: the last step the issuing procuratorate could see (a shared event, or one of its own
-- institution's), else the creation.
UPDATE "Recommendation" r
   SET "issuerActivityAt" = GREATEST(r."createdAt", COALESCE((
         SELECT max(e."at") FROM "WorkflowEvent" e
          WHERE e."recordType" = 'Recommendation' AND e."recordId" = r."id"
            AND (e."visibility" = 'shared' OR e."institutionId" = r."institutionId")), r."createdAt"));
