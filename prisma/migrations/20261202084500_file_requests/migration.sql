-- CreateEnum
CREATE TYPE "FileRequestStatus" AS ENUM ('draft', 'sent', 'answered', 'partial', 'refused', 'withdrawn', 'closed');

-- CreateTable
CREATE TABLE "FileRequest" (
    "id" UUID NOT NULL,
    "procuratorateId" UUID NOT NULL,
    "courtId" UUID NOT NULL,
    "courtCaseNumber" TEXT NOT NULL,
    "needed" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedDueDate" DATE,
    "status" "FileRequestStatus" NOT NULL DEFAULT 'draft',
    "createdById" UUID NOT NULL,
    "sentById" UUID,
    "sentOn" DATE,
    "dueDate" DATE,
    "answeredById" UUID,
    "answeredOn" DATE,
    "answerNote" TEXT,
    "closedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FileRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FileRequest_procuratorateId_status_dueDate_idx" ON "FileRequest"("procuratorateId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "FileRequest_courtId_status_dueDate_idx" ON "FileRequest"("courtId", "status", "dueDate");
