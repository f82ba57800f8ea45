-- Award explanations (about 2 kB of Chinese text each, 100,000 per large run) are stored out of line without
-- compression: committing a run spends less time compressing text that is read rarely.
ALTER TABLE "subsidy_awards" ALTER COLUMN "explanation" SET STORAGE EXTERNAL;
