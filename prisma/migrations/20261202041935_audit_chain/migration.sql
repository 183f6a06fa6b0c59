-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainSeq" BIGINT,
ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chain" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chain")
);

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" BIGSERIAL NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "events" INTEGER NOT NULL,
    "chains" INTEGER NOT NULL,
    "broken" JSONB,
    "trigger" TEXT NOT NULL,
    "actorId" UUID,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditVerification_finishedAt_idx" ON "AuditVerification"("finishedAt");

-- Chain the events written before the chain existed (hand-written; the schema engine does not
-- model functions or triggers, so `db:drift` ignores this block). Per chain (the institution, or
-- "platform" for events without one) in ("at", "id") order: the sequence number, the SHA-256 of
-- the canonical content (lib/domain/audit-chain.ts canonicalAuditContent: JSON with keys sorted
-- by code point, no whitespace, time as ISO UTC with milliseconds) and the previous link, then the
-- chains' heads. The audit writer (lib/data/audit.ts) continues from those heads; `npm run
-- audit:verify` checks these rows by the same rule as the ones it writes.
-- Numbers: trim_scale(numeric)::text is what JSON.stringify writes for every number the app
-- stores (it writes them through JSON.stringify) between 1e-7 and 1e21.
CREATE FUNCTION "audit_canonical_json"(v jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN CASE jsonb_typeof(v)
        WHEN 'object' THEN '{' || COALESCE((SELECT string_agg(to_json(k)::text || ':' || "audit_canonical_json"(v -> k), ',' ORDER BY k COLLATE "C")
                                             FROM jsonb_object_keys(v) AS k), '') || '}'
        WHEN 'array' THEN '[' || COALESCE((SELECT string_agg("audit_canonical_json"(x), ',' ORDER BY i)
                                            FROM jsonb_array_elements(v) WITH ORDINALITY AS a(x, i)), '') || ']'
        WHEN 'number' THEN trim_scale((v #>> '{}')::numeric)::text
        ELSE v::text
    END;
END;
$$;

CREATE TEMP TABLE "audit_chain_content" AS
SELECT n."id", n."chain", n."seq",
       encode(sha256(convert_to("audit_canonical_json"(jsonb_build_object(
           'action', n."action", 'actorId', n."actorId", 'at', to_char(n."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'institutionId', n."institutionId", 'recordId', n."recordId", 'recordType', n."recordType",
           'requestId', n."requestId", 'seq', n."seq", 'summary', n."summary")), 'UTF8')), 'hex') AS "content"
  FROM (SELECT e.*, COALESCE(e."institutionId"::text, 'platform') AS "chain",
               row_number() OVER (PARTITION BY e."institutionId" ORDER BY e."at", e."id") AS "seq"
          FROM "AuditEvent" e) n;
CREATE UNIQUE INDEX ON "audit_chain_content" ("chain", "seq");
ANALYZE "audit_chain_content";

CREATE TEMP TABLE "audit_chain_link" AS
WITH RECURSIVE link AS (
    SELECT c."id", c."chain", c."seq", c."content", repeat('0', 64) AS "prev",
           encode(sha256(convert_to(repeat('0', 64) || c."content", 'UTF8')), 'hex') AS "hash"
      FROM "audit_chain_content" c WHERE c."seq" = 1
    UNION ALL
    SELECT c."id", c."chain", c."seq", c."content", l."hash",
           encode(sha256(convert_to(l."hash" || c."content", 'UTF8')), 'hex')
      FROM link l JOIN "audit_chain_content" c ON c."chain" = l."chain" AND c."seq" = l."seq" + 1
)
SELECT * FROM link;

ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
UPDATE "AuditEvent" e SET "chainSeq" = l."seq", "contentHash" = l."content", "prevHash" = l."prev"
  FROM "audit_chain_link" l WHERE e."id" = l."id";
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

INSERT INTO "AuditChainHead" ("chain", "seq", "hash")
SELECT DISTINCT ON (l."chain") l."chain", l."seq", l."hash" FROM "audit_chain_link" l ORDER BY l."chain", l."seq" DESC;

DROP TABLE "audit_chain_link";
DROP TABLE "audit_chain_content";
DROP FUNCTION "audit_canonical_json"(jsonb);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_institutionId_chainSeq_key" ON "AuditEvent"("institutionId", "chainSeq");
