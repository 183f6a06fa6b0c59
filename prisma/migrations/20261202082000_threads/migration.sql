-- CreateEnum
CREATE TYPE "ThreadAudience" AS ENUM ('shared', 'internal');

-- CreateTable
CREATE TABLE "ThreadMessage" (
    "id" UUID NOT NULL,
    "recordType" TEXT NOT NULL,
    "audience" "ThreadAudience" NOT NULL,
    "institutionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "correctsId" UUID,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recommendationId" UUID,
    "caseId" UUID,
    "committeeMeetingId" UUID,
    "retrialMatterId" UUID,
    "nonLitigationId" UUID,
    "inquiryId" UUID,
    "leadId" UUID,

    CONSTRAINT "ThreadMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreadMention" (
    "messageId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "ThreadMention_pkey" PRIMARY KEY ("messageId","userId")
);

-- CreateTable
CREATE TABLE "ThreadReceipt" (
    "messageId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreadReceipt_pkey" PRIMARY KEY ("messageId","userId")
);

-- CreateIndex
CREATE INDEX "ThreadMessage_recommendationId_sentAt_idx" ON "ThreadMessage"("recommendationId", "sentAt");

-- CreateIndex
CREATE INDEX "ThreadMessage_caseId_sentAt_idx" ON "ThreadMessage"("caseId", "sentAt");

-- CreateIndex
CREATE INDEX "ThreadMessage_committeeMeetingId_sentAt_idx" ON "ThreadMessage"("committeeMeetingId", "sentAt");

-- CreateIndex
CREATE INDEX "ThreadMessage_retrialMatterId_sentAt_idx" ON "ThreadMessage"("retrialMatterId", "sentAt");

-- CreateIndex
CREATE INDEX "ThreadMessage_nonLitigationId_sentAt_idx" ON "ThreadMessage"("nonLitigationId", "sentAt");

-- CreateIndex
CREATE INDEX "ThreadMessage_inquiryId_sentAt_idx" ON "ThreadMessage"("inquiryId", "sentAt");

-- CreateIndex
CREATE INDEX "ThreadMessage_leadId_sentAt_idx" ON "ThreadMessage"("leadId", "sentAt");

-- CreateIndex
CREATE INDEX "ThreadMention_userId_idx" ON "ThreadMention"("userId");

-- CreateIndex
CREATE INDEX "ThreadReceipt_userId_idx" ON "ThreadReceipt"("userId");

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SupervisionCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_committeeMeetingId_fkey" FOREIGN KEY ("committeeMeetingId") REFERENCES "CommitteeMeeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_retrialMatterId_fkey" FOREIGN KEY ("retrialMatterId") REFERENCES "RetrialMatter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_nonLitigationId_fkey" FOREIGN KEY ("nonLitigationId") REFERENCES "NonLitigationApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "EnforcementInquiry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "CaseLead"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "ThreadMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMention" ADD CONSTRAINT "ThreadMention_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ThreadMessage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadReceipt" ADD CONSTRAINT "ThreadReceipt_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ThreadMessage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (the schema engine does not model CHECK constraints, triggers or functions, so
-- `db:drift` ignores this block).
-- A message belongs to exactly one record: one column per kind that carries threads
-- (lib/domain/threads/kinds.ts). A kind added later adds its column to this list.
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_one_record" CHECK (
    num_nonnulls("recommendationId", "caseId", "committeeMeetingId", "retrialMatterId", "nonLitigationId", "inquiryId", "leadId") = 1
);

-- Messages, their mentions and read receipts are append-only like the audit log: UPDATE and
-- DELETE are refused per row, TRUNCATE per statement, for the owner too. The app role gets
-- SELECT and INSERT only (scripts/db/access.mjs). A correction is a new message.
CREATE FUNCTION "thread_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'thread messages are append-only: % on "%" is not allowed', TG_OP, TG_TABLE_NAME
        USING HINT = 'Send a new message (a correction names the earlier one) instead of changing or removing one.';
END;
$$;

CREATE TRIGGER "ThreadMessage_append_only" BEFORE UPDATE OR DELETE ON "ThreadMessage" FOR EACH ROW EXECUTE FUNCTION "thread_append_only"();
CREATE TRIGGER "ThreadMessage_no_truncate" BEFORE TRUNCATE ON "ThreadMessage" FOR EACH STATEMENT EXECUTE FUNCTION "thread_append_only"();
CREATE TRIGGER "ThreadMention_append_only" BEFORE UPDATE OR DELETE ON "ThreadMention" FOR EACH ROW EXECUTE FUNCTION "thread_append_only"();
CREATE TRIGGER "ThreadMention_no_truncate" BEFORE TRUNCATE ON "ThreadMention" FOR EACH STATEMENT EXECUTE FUNCTION "thread_append_only"();
CREATE TRIGGER "ThreadReceipt_append_only" BEFORE UPDATE OR DELETE ON "ThreadReceipt" FOR EACH ROW EXECUTE FUNCTION "thread_append_only"();
CREATE TRIGGER "ThreadReceipt_no_truncate" BEFORE TRUNCATE ON "ThreadReceipt" FOR EACH STATEMENT EXECUTE FUNCTION "thread_append_only"();
