-- Jobs and templates are Hibernate entities now (issue 18).
--
-- A job's full-text vector weighs the title above the skills above the rest. Hibernate writes one
-- value per column, so the application hands the three token strings over as one, separated by
-- U+001F (which tokens never contain), and this function weighs them as the repository's own SQL
-- did before.
CREATE FUNCTION job_search_vector(tokens text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
    SELECT setweight(to_tsvector('simple', split_part(tokens, chr(31), 1)), 'A')
        || setweight(to_tsvector('simple', split_part(tokens, chr(31), 2)), 'B')
        || to_tsvector('simple', split_part(tokens, chr(31), 3))
$$;
GRANT EXECUTE ON FUNCTION job_search_vector(text) TO ${app_role};

-- Templates are edited by a tenant's staff like jobs: two editors of one template no longer
-- overwrite each other silently.
ALTER TABLE job_template ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version > 0);
