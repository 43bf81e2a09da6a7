-- The large JSON values (a 30-minute word-timed transcript is ~360 KB) are compressed with lz4
-- rather than pglz where the server has it (PostgreSQL 14+ built with lz4; not the embedded database):
-- measured 2026-12-02, 200 inserts of such a transcript took 15-17 ms each with pglz and 5.2 ms with
-- lz4, for the same size on disk, and reading one back 4.5 against 3.1 ms. Only values written from now on; existing ones stay readable as
-- they are.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
    EXECUTE 'ALTER TABLE "calls" ALTER COLUMN "transcript" SET COMPRESSION lz4, ALTER COLUMN "analysis" SET COMPRESSION lz4, ALTER COLUMN "coaching" SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE "jobs" ALTER COLUMN "payload" SET COMPRESSION lz4';
  END IF;
END $$;
