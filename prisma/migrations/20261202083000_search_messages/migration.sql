-- Search over thread messages (docs/decisions/0028): the message text, normalized like every
-- searched table's, in a generated column with a pg_trgm GIN index.
ALTER TABLE "ThreadMessage" ADD COLUMN "searchText" text
  GENERATED ALWAYS AS (liaison_search_join(ARRAY["body"])) STORED;
CREATE INDEX "ThreadMessage_searchText_idx" ON "ThreadMessage" USING GIN ("searchText" gin_trgm_ops);
