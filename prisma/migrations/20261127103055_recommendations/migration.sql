-- CreateEnum
CREATE TYPE "SupervisionCaseKind" AS ENUM ('civil', 'administrative', 'enforcement', 'non_litigation', 'civil_retrial', 'public_interest');

-- CreateEnum
CREATE TYPE "RecommendationType" AS ENUM ('retrial', 'correction', 'public_interest', 'social_governance', 'enforcement', 'other');

-- CreateEnum
CREATE TYPE "RecommendationStatus" AS ENUM ('draft', 'submitted', 'returned', 'approved', 'issued', 'served', 'acknowledged', 'objected', 'reply_submitted', 'replied', 'evaluated', 'closed', 'archived', 'withdrawn');

-- CreateEnum
CREATE TYPE "ServiceMethod" AS ENUM ('written', 'announced');

-- CreateEnum
CREATE TYPE "Adoption" AS ENUM ('adopted', 'partly_adopted', 'not_adopted');

-- CreateEnum
CREATE TYPE "EventVisibility" AS ENUM ('shared', 'internal');

-- CreateTable
CREATE TABLE "SupervisionCase" (
    "id" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "SupervisionCaseKind" NOT NULL,
    "title" TEXT NOT NULL,
    "parties" TEXT NOT NULL,
    "courtCaseNumber" TEXT,
    "handlerId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NumberSequence" (
    "institutionId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NumberSequence_pkey" PRIMARY KEY ("institutionId","scope","year")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "caseId" UUID,
    "number" TEXT,
    "type" "RecommendationType" NOT NULL,
    "status" "RecommendationStatus" NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "addresseeCourtId" UUID NOT NULL,
    "addresseeDepartmentId" UUID,
    "courtCaseNumber" TEXT,
    "facts" TEXT NOT NULL,
    "violation" TEXT NOT NULL,
    "recommendationText" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "customPeriodMonths" INTEGER,
    "customPeriodDays" INTEGER,
    "drafterId" UUID NOT NULL,
    "committeeDecisionNo" TEXT,
    "committeeDecisionOn" DATE,
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "issuedAt" TIMESTAMP(3),
    "issuedOn" DATE,
    "servedOn" DATE,
    "serviceMethod" "ServiceMethod",
    "dueDate" DATE,
    "extensionMonths" INTEGER NOT NULL DEFAULT 0,
    "extensionRequestedAt" TIMESTAMP(3),
    "extensionReason" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "replyAdoption" "Adoption",
    "replyMeasures" TEXT,
    "replyReasons" TEXT,
    "replyOn" DATE,
    "replySignedById" UUID,
    "replySubmittedAt" TIMESTAMP(3),
    "rectified" BOOLEAN,
    "evaluation" TEXT,
    "evaluatedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "urgedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "escalatedTo" TEXT,
    "supersedesId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationEvent" (
    "id" BIGSERIAL NOT NULL,
    "recommendationId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "institutionId" UUID NOT NULL,
    "visibility" "EventVisibility" NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" "RecommendationStatus",
    "toStatus" "RecommendationStatus",
    "data" JSONB,

    CONSTRAINT "RecommendationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionCase_number_key" ON "SupervisionCase"("number");

-- CreateIndex
CREATE INDEX "SupervisionCase_institutionId_idx" ON "SupervisionCase"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_number_key" ON "Recommendation"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_supersedesId_key" ON "Recommendation"("supersedesId");

-- CreateIndex
CREATE INDEX "Recommendation_institutionId_status_idx" ON "Recommendation"("institutionId", "status");

-- CreateIndex
CREATE INDEX "Recommendation_addresseeCourtId_status_idx" ON "Recommendation"("addresseeCourtId", "status");

-- CreateIndex
CREATE INDEX "Recommendation_dueDate_idx" ON "Recommendation"("dueDate");

-- CreateIndex
CREATE INDEX "RecommendationEvent_recommendationId_at_idx" ON "RecommendationEvent"("recommendationId", "at");

-- AddForeignKey
ALTER TABLE "SupervisionCase" ADD CONSTRAINT "SupervisionCase_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionCase" ADD CONSTRAINT "SupervisionCase_handlerId_fkey" FOREIGN KEY ("handlerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SupervisionCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_addresseeCourtId_fkey" FOREIGN KEY ("addresseeCourtId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_addresseeDepartmentId_fkey" FOREIGN KEY ("addresseeDepartmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_drafterId_fkey" FOREIGN KEY ("drafterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Recommendation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationEvent" ADD CONSTRAINT "RecommendationEvent_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationEvent" ADD CONSTRAINT "RecommendationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
