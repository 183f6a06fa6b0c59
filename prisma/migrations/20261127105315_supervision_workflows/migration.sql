-- CreateEnum
CREATE TYPE "CaseStage" AS ENUM ('accepted', 'reviewing', 'supervising', 'closed');

-- CreateEnum
CREATE TYPE "LeadKind" AS ENUM ('false_litigation', 'pension_fraud', 'other');

-- CreateEnum
CREATE TYPE "LeadStatus" AS ENUM ('sent', 'received', 'acted');

-- CreateEnum
CREATE TYPE "CommitteeStatus" AS ENUM ('scheduled', 'notified', 'attendee_named', 'held', 'recorded', 'confirmed', 'cancelled');

-- CreateEnum
CREATE TYPE "CommitteeTrigger" AS ENUM ('acquittal_possible', 'death_sentence_possible', 'protested', 'other_procuratorial', 'requested', 'invited');

-- CreateEnum
CREATE TYPE "AttendanceRequestStatus" AS ENUM ('pending', 'accepted', 'declined');

-- CreateEnum
CREATE TYPE "RetrialMatterKind" AS ENUM ('party_application', 'procuratorate_recommendation', 'protest');

-- CreateEnum
CREATE TYPE "RetrialMatterStatus" AS ENUM ('filed', 'under_review', 'decided');

-- CreateEnum
CREATE TYPE "RetrialDecision" AS ENUM ('retrial_ordered', 'refused');

-- CreateEnum
CREATE TYPE "EvidenceGround" AS ENUM ('found_late_objective', 'known_not_obtainable', 'arose_after_hearing', 'submitted_not_examined');

-- CreateEnum
CREATE TYPE "NonLitigationStatus" AS ENUM ('decision_final', 'demanded', 'applied', 'accepted', 'not_accepted', 'ruled_enforce', 'ruled_refuse', 'under_review', 'enforcing', 'enforced', 'stalled', 'closed');

-- CreateEnum
CREATE TYPE "RefusalGround" AS ENUM ('no_legal_subject', 'no_factual_basis', 'no_legal_basis', 'manifest_illegality');

-- CreateEnum
CREATE TYPE "NonLitigationCheckpoint" AS ENUM ('agency_applied', 'court_accepted', 'ruling_lawful', 'who_enforces', 'enforcement_stalled');

-- CreateEnum
CREATE TYPE "InquiryStatus" AS ENUM ('sent', 'answered', 'closed');

-- AlterTable
ALTER TABLE "SupervisionCase" ADD COLUMN     "acceptedOn" DATE,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "courtCaseNumbers" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "courtDepartmentId" UUID,
ADD COLUMN     "courtId" UUID,
ADD COLUMN     "stage" "CaseStage" NOT NULL DEFAULT 'accepted',
ADD COLUMN     "stageDueDate" DATE,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "WorkflowEvent" (
    "id" BIGSERIAL NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" UUID NOT NULL,
    "caseId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "institutionId" UUID NOT NULL,
    "visibility" "EventVisibility" NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "data" JSONB,

    CONSTRAINT "WorkflowEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "uploadedById" UUID NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseLead" (
    "id" UUID NOT NULL,
    "kind" "LeadKind" NOT NULL,
    "subtype" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "courtCaseNumber" TEXT,
    "procuratorateId" UUID NOT NULL,
    "courtId" UUID NOT NULL,
    "fromKind" "InstitutionKind" NOT NULL,
    "caseId" UUID,
    "status" "LeadStatus" NOT NULL DEFAULT 'sent',
    "sentById" UUID NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receivedById" UUID,
    "receivedAt" TIMESTAMP(3),
    "actedById" UUID,
    "actedAt" TIMESTAMP(3),
    "actionTaken" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseLead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeMeeting" (
    "id" UUID NOT NULL,
    "courtId" UUID NOT NULL,
    "procuratorateId" UUID NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT NOT NULL,
    "status" "CommitteeStatus" NOT NULL DEFAULT 'scheduled',
    "membersTotal" INTEGER,
    "membersPresent" INTEGER,
    "chairName" TEXT,
    "attendeeId" UUID,
    "minutes" TEXT,
    "createdById" UUID NOT NULL,
    "notifiedAt" TIMESTAMP(3),
    "heldAt" TIMESTAMP(3),
    "confirmedById" UUID,
    "confirmedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommitteeMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeAgendaItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "courtCaseNumber" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "trigger" "CommitteeTrigger" NOT NULL,
    "caseId" UUID,
    "attendeeOpinion" TEXT,
    "decision" TEXT,

    CONSTRAINT "CommitteeAgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceRequest" (
    "id" UUID NOT NULL,
    "procuratorateId" UUID NOT NULL,
    "courtId" UUID NOT NULL,
    "courtCaseNumber" TEXT NOT NULL,
    "caseId" UUID,
    "reason" TEXT NOT NULL,
    "status" "AttendanceRequestStatus" NOT NULL DEFAULT 'pending',
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredById" UUID,
    "answeredAt" TIMESTAMP(3),
    "meetingId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AttendanceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetrialMatter" (
    "id" UUID NOT NULL,
    "procuratorateId" UUID NOT NULL,
    "courtId" UUID NOT NULL,
    "caseId" UUID,
    "recommendationId" UUID,
    "kind" "RetrialMatterKind" NOT NULL,
    "courtCaseNumber" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "parties" TEXT NOT NULL,
    "judgmentEffectiveOn" DATE NOT NULL,
    "filedOn" DATE NOT NULL,
    "applicationWindowEnd" DATE,
    "reviewDue" DATE,
    "hearingOn" DATE,
    "hearingNoticeBy" DATE,
    "status" "RetrialMatterStatus" NOT NULL DEFAULT 'filed',
    "decision" "RetrialDecision",
    "decisionReasons" TEXT,
    "decidedOn" DATE,
    "decidedById" UUID,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetrialMatter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceItem" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "formedOn" DATE,
    "foundOn" DATE,
    "ground" "EvidenceGround" NOT NULL,
    "groundExplanation" TEXT,
    "accepted" BOOLEAN,
    "determinationGround" "EvidenceGround",
    "determinationReasons" TEXT,
    "mayOverturn" BOOLEAN,
    "determinedById" UUID,
    "determinedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EvidenceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NonLitigationApplication" (
    "id" UUID NOT NULL,
    "procuratorateId" UUID NOT NULL,
    "courtId" UUID NOT NULL,
    "agency" TEXT NOT NULL,
    "respondent" TEXT NOT NULL,
    "decisionRef" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "decisionFinalOn" DATE NOT NULL,
    "demandServedOn" DATE,
    "appliedOn" DATE,
    "courtCaseNumber" TEXT,
    "acceptedOn" DATE,
    "hearingHeld" BOOLEAN NOT NULL DEFAULT false,
    "ruledOn" DATE,
    "refusalGround" "RefusalGround",
    "refusalServedOn" DATE,
    "reviewRequestedOn" DATE,
    "enforcementStartedOn" DATE,
    "enforcedBy" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "status" "NonLitigationStatus" NOT NULL DEFAULT 'decision_final',
    "caseId" UUID,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NonLitigationApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NonLitigationFinding" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "checkpoint" "NonLitigationCheckpoint" NOT NULL,
    "flagged" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NonLitigationFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnforcementInquiry" (
    "id" UUID NOT NULL,
    "procuratorateId" UUID NOT NULL,
    "courtId" UUID NOT NULL,
    "caseId" UUID,
    "courtCaseNumber" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "sentById" UUID NOT NULL,
    "sentOn" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "InquiryStatus" NOT NULL DEFAULT 'sent',
    "answer" TEXT,
    "answeredById" UUID,
    "answeredOn" DATE,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EnforcementInquiry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkflowEvent_recordType_recordId_at_idx" ON "WorkflowEvent"("recordType", "recordId", "at");

-- CreateIndex
CREATE INDEX "WorkflowEvent_caseId_at_idx" ON "WorkflowEvent"("caseId", "at");

-- CreateIndex
CREATE INDEX "Attachment_recordType_recordId_idx" ON "Attachment"("recordType", "recordId");

-- CreateIndex
CREATE INDEX "CaseLead_procuratorateId_status_idx" ON "CaseLead"("procuratorateId", "status");

-- CreateIndex
CREATE INDEX "CaseLead_courtId_status_idx" ON "CaseLead"("courtId", "status");

-- CreateIndex
CREATE INDEX "CommitteeMeeting_courtId_scheduledAt_idx" ON "CommitteeMeeting"("courtId", "scheduledAt");

-- CreateIndex
CREATE INDEX "CommitteeMeeting_procuratorateId_scheduledAt_idx" ON "CommitteeMeeting"("procuratorateId", "scheduledAt");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeAgendaItem_meetingId_position_key" ON "CommitteeAgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "AttendanceRequest_procuratorateId_status_idx" ON "AttendanceRequest"("procuratorateId", "status");

-- CreateIndex
CREATE INDEX "AttendanceRequest_courtId_status_idx" ON "AttendanceRequest"("courtId", "status");

-- CreateIndex
CREATE INDEX "RetrialMatter_procuratorateId_idx" ON "RetrialMatter"("procuratorateId");

-- CreateIndex
CREATE INDEX "RetrialMatter_courtId_idx" ON "RetrialMatter"("courtId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceItem_matterId_position_key" ON "EvidenceItem"("matterId", "position");

-- CreateIndex
CREATE INDEX "NonLitigationApplication_procuratorateId_status_idx" ON "NonLitigationApplication"("procuratorateId", "status");

-- CreateIndex
CREATE INDEX "NonLitigationApplication_courtId_status_idx" ON "NonLitigationApplication"("courtId", "status");

-- CreateIndex
CREATE INDEX "NonLitigationFinding_applicationId_idx" ON "NonLitigationFinding"("applicationId");

-- CreateIndex
CREATE INDEX "EnforcementInquiry_procuratorateId_status_idx" ON "EnforcementInquiry"("procuratorateId", "status");

-- CreateIndex
CREATE INDEX "EnforcementInquiry_courtId_status_idx" ON "EnforcementInquiry"("courtId", "status");

-- AddForeignKey
ALTER TABLE "CommitteeAgendaItem" ADD CONSTRAINT "CommitteeAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CommitteeMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceItem" ADD CONSTRAINT "EvidenceItem_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "RetrialMatter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NonLitigationFinding" ADD CONSTRAINT "NonLitigationFinding_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "NonLitigationApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
