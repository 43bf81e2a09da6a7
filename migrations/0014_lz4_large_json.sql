-- The large JSON values (a 30-minute word-timed transcript is ~360 KB) are compressed with lz4
-- rather than pglz where the server has it (PostgreSQL 14+ built with lz4; not the embedded database): pglz cost
-- ~10 ms of the server's CPU per transcript written, lz4 ~3x less, for the same size on disk, and
-- reads decompress faster too. Only values written from now on; existing ones stay readable as
-- they are.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
    EXECUTE 'ALTER TABLE "calls" ALTER COLUMN "transcript" SET COMPRESSION lz4, ALTER COLUMN "analysis" SET COMPRESSION lz4, ALTER COLUMN "coaching" SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE "jobs" ALTER COLUMN "payload" SET COMPRESSION lz4';
  END IF;
END $$;
