-- Transcripts are stored as JSON text in a `text` column (src/db/json-text.ts): the server no longer
-- validates JSON that Debrief serialised itself on every upload. Measured 2026-12-03, 200 inserts
-- of a 30-minute word-timed transcript (360 KB) cost PostgreSQL 8.1-9.5 ms of CPU each as `json`
-- and 4.4 ms as `text`. The type change rewrites the table once (existing values are kept as
-- their text) and resets the column's compression, which is set to lz4 again where the server
-- has it (as 0014 did).
ALTER TABLE "calls" ALTER COLUMN "transcript" SET DATA TYPE text;--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
    EXECUTE 'ALTER TABLE "calls" ALTER COLUMN "transcript" SET COMPRESSION lz4';
  END IF;
END $$;
