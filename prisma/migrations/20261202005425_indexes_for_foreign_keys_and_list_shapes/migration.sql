-- DropIndex
DROP INDEX "EnforcementInquiry_courtId_status_idx";

-- DropIndex
DROP INDEX "EnforcementInquiry_procuratorateId_status_idx";

-- DropIndex
DROP INDEX "Recommendation_addresseeCourtId_status_idx";

-- DropIndex
DROP INDEX "Recommendation_dueDate_idx";

-- DropIndex
DROP INDEX "Recommendation_institutionId_status_idx";

-- CreateIndex
CREATE INDEX "AttendanceRequest_caseId_idx" ON "AttendanceRequest"("caseId");

-- CreateIndex
CREATE INDEX "AttendanceRequest_meetingId_idx" ON "AttendanceRequest"("meetingId");

-- CreateIndex
CREATE INDEX "CaseLead_caseId_idx" ON "CaseLead"("caseId");

-- CreateIndex
CREATE INDEX "CommitteeAgendaItem_caseId_idx" ON "CommitteeAgendaItem"("caseId");

-- CreateIndex
CREATE INDEX "EnforcementInquiry_procuratorateId_status_dueDate_idx" ON "EnforcementInquiry"("procuratorateId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "EnforcementInquiry_courtId_status_dueDate_idx" ON "EnforcementInquiry"("courtId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "EnforcementInquiry_caseId_idx" ON "EnforcementInquiry"("caseId");

-- CreateIndex
CREATE INDEX "NonLitigationApplication_caseId_idx" ON "NonLitigationApplication"("caseId");

-- CreateIndex
CREATE INDEX "Recommendation_institutionId_status_dueDate_idx" ON "Recommendation"("institutionId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Recommendation_addresseeCourtId_status_dueDate_idx" ON "Recommendation"("addresseeCourtId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Recommendation_caseId_idx" ON "Recommendation"("caseId");

-- CreateIndex
CREATE INDEX "Recommendation_drafterId_idx" ON "Recommendation"("drafterId");

-- CreateIndex
CREATE INDEX "RetrialMatter_caseId_idx" ON "RetrialMatter"("caseId");

-- CreateIndex
CREATE INDEX "RetrialMatter_recommendationId_idx" ON "RetrialMatter"("recommendationId");

-- CreateIndex
CREATE INDEX "SupervisionCase_handlerId_idx" ON "SupervisionCase"("handlerId");

-- CreateIndex
CREATE INDEX "SupervisionCase_institutionId_stageDueDate_idx" ON "SupervisionCase"("institutionId", "stageDueDate");

-- CreateIndex
CREATE INDEX "SupervisionCase_institutionId_stage_stageDueDate_idx" ON "SupervisionCase"("institutionId", "stage", "stageDueDate");

-- CreateIndex
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");
