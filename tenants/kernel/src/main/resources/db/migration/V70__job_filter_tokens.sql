-- The checkbox and place filters of the job search as tokens in one GIN-indexed array, so that a
-- search by text or skill combines them with its own GIN index in one bitmap (BitmapAnd) and reads
-- only the rows that pass every filter. Tested on 100,000 jobs: `golang` in 東京都 near 渋谷 read
-- 6,405 heap pages to find its 500-row facet sample with the place filters applied after each row,
-- and 615 with the tokens. A search without text or skills keeps walking the covering indexes,
-- which hold the plain columns already.
--
-- Tokens: ws:<work style>, ct:<contract type>, cu:<culture>, pf:<prefecture>, and st:<two
-- characters> for every pair of neighbouring characters of the station, so that the station
-- filter, a substring match, is narrowed by the index (every pair of the searched name must be
-- present) and then checked exactly on the row.
CREATE FUNCTION job_filter_tokens(work_style text, contract_type text, culture text,
                                  prefecture text, station text)
    RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT ARRAY['ws:' || work_style, 'ct:' || contract_type]
    || CASE WHEN culture IS NULL THEN ARRAY[]::text[] ELSE ARRAY['cu:' || culture] END
    || CASE WHEN prefecture IS NULL THEN ARRAY[]::text[] ELSE ARRAY['pf:' || prefecture] END
    || ARRAY(SELECT DISTINCT 'st:' || substr(station, i, 2)
             FROM generate_series(1, char_length(station) - 1) AS i)
$$;

ALTER TABLE job ADD COLUMN filter_tokens text[]
    GENERATED ALWAYS AS (job_filter_tokens(work_style, contract_type, culture, prefecture, station))
    STORED;
CREATE INDEX job_filters ON job USING gin (filter_tokens);
GRANT EXECUTE ON FUNCTION job_filter_tokens(text, text, text, text, text) TO ${app_role};
