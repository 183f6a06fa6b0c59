-- CreateEnum
CREATE TYPE "JointMeetingKind" AS ENUM ('regular', 'symposium', 'consultation');

-- CreateEnum
CREATE TYPE "JointMeetingStatus" AS ENUM ('drafting', 'submitted', 'returned', 'confirmed');

-- CreateEnum
CREATE TYPE "ConsensusArea" AS ENUM ('committee_attendance', 'non_litigation_enforcement', 'recommendations', 'retrial_evidence', 'false_litigation', 'pension_fraud', 'other');

-- CreateEnum
CREATE TYPE "ConsensusStatus" AS ENUM ('proposed', 'open', 'in_progress', 'done', 'dropped');

-- CreateTable
CREATE TABLE "JointMeeting" (
    "id" UUID NOT NULL,
    "procuratorateId" UUID NOT NULL,
    "courtId" UUID NOT NULL,
    "hostKind" "InstitutionKind" NOT NULL,
    "kind" "JointMeetingKind" NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "topics" TEXT[],
    "status" "JointMeetingStatus" NOT NULL DEFAULT 'drafting',
    "minutesDraft" TEXT,
    "minutes" TEXT,
    "sharedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "submittedById" UUID,
    "returnedAt" TIMESTAMP(3),
    "returnedById" UUID,
    "returnReason" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" UUID,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JointMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointMeetingAttendee" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "side" "InstitutionKind" NOT NULL,
    "userId" UUID,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "JointMeetingAttendee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsensusItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "procuratorateId" UUID NOT NULL,
    "courtId" UUID NOT NULL,
    "hostKind" "InstitutionKind" NOT NULL,
    "sharedAt" TIMESTAMP(3),
    "area" "ConsensusArea" NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT,
    "ownerKind" "InstitutionKind" NOT NULL,
    "ownerId" UUID NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "ConsensusStatus" NOT NULL DEFAULT 'proposed',
    "outcome" TEXT,
    "dropReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsensusItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JointMeeting_procuratorateId_heldOn_idx" ON "JointMeeting"("procuratorateId", "heldOn");

-- CreateIndex
CREATE INDEX "JointMeeting_courtId_heldOn_idx" ON "JointMeeting"("courtId", "heldOn");

-- CreateIndex
CREATE INDEX "JointMeetingAttendee_meetingId_idx" ON "JointMeetingAttendee"("meetingId");

-- CreateIndex
CREATE INDEX "JointMeetingAttendee_userId_idx" ON "JointMeetingAttendee"("userId");

-- CreateIndex
CREATE INDEX "ConsensusItem_meetingId_idx" ON "ConsensusItem"("meetingId");

-- CreateIndex
CREATE INDEX "ConsensusItem_procuratorateId_status_dueDate_idx" ON "ConsensusItem"("procuratorateId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "ConsensusItem_courtId_status_dueDate_idx" ON "ConsensusItem"("courtId", "status", "dueDate");

-- AddForeignKey
ALTER TABLE "JointMeetingAttendee" ADD CONSTRAINT "JointMeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "JointMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsensusItem" ADD CONSTRAINT "ConsensusItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "JointMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
