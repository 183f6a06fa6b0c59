-- Recommendations become a client of the shared workflow engine: their timeline events move into
-- WorkflowEvent (recordType 'Recommendation', recordId = the recommendation, caseId = its
-- supervision case if any), keeping time, actor, institution, visibility, kind, states and data,
-- in their original order. The audit log (AuditEvent, append-only) is not touched.

-- MoveRows
INSERT INTO "WorkflowEvent" ("recordType", "recordId", "caseId", "at", "actorId", "institutionId", "visibility", "kind", "fromStatus", "toStatus", "data")
SELECT 'Recommendation', e."recommendationId", r."caseId", e."at", e."actorId", e."institutionId", e."visibility", e."kind",
       e."fromStatus"::text, e."toStatus"::text, e."data"
FROM "RecommendationEvent" e
JOIN "Recommendation" r ON r."id" = e."recommendationId"
ORDER BY e."at", e."id";

-- DropForeignKey
ALTER TABLE "RecommendationEvent" DROP CONSTRAINT "RecommendationEvent_actorId_fkey";

-- DropForeignKey
ALTER TABLE "RecommendationEvent" DROP CONSTRAINT "RecommendationEvent_recommendationId_fkey";

-- DropTable
DROP TABLE "RecommendationEvent";
