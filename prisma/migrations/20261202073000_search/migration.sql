-- Search (docs/decisions/0028): substring search over Chinese text with pg_trgm GIN indexes.
-- Each searched table gets a generated column "searchText": its declared fields
-- (lib/domain/search.ts; tests/integration/search.test.ts checks the two agree), joined and
-- normalized by liaison_search_norm — lower case, and every kind of bracket a user may type in a
-- court case number or a document number ((（〔【［﹝ and their closing forms) read as one.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION liaison_search_norm(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(translate(t, '（〔【［﹝）〕】］﹞', '((((()))))'));

-- array_to_string is only STABLE (for arrays of any type); for text[] it is immutable.
CREATE FUNCTION liaison_search_join(parts text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN liaison_search_norm(array_to_string(parts, ' '));

ALTER TABLE "SupervisionCase" ADD COLUMN "searchText" text
  GENERATED ALWAYS AS (liaison_search_join(ARRAY["number", "title", "parties", "courtCaseNumber"] || "courtCaseNumbers")) STORED;
CREATE INDEX "SupervisionCase_searchText_idx" ON "SupervisionCase" USING GIN ("searchText" gin_trgm_ops);

ALTER TABLE "Recommendation" ADD COLUMN "searchText" text
  GENERATED ALWAYS AS (liaison_search_join(ARRAY["number", "title", "courtCaseNumber", "facts"])) STORED;
CREATE INDEX "Recommendation_searchText_idx" ON "Recommendation" USING GIN ("searchText" gin_trgm_ops);
