-- The weights a tenant's candidate ranking uses, learned from that tenant's own outcomes
-- (applications, accepted scouts, interviews, contracts), with the evidence they were chosen on.
-- One row per tenant, replaced by each training; no row means the fixed weights.
CREATE TABLE ranking_weights (
    tenant_id               uuid             PRIMARY KEY REFERENCES tenant (id),
    -- What ranks now: the learned weights when they beat the fixed ones on the latest outcomes.
    skills                  double precision NOT NULL CHECK (skills >= 0),
    rate                    double precision NOT NULL CHECK (rate >= 0),
    days                    double precision NOT NULL CHECK (days >= 0),
    work_style              double precision NOT NULL CHECK (work_style >= 0),
    missing_required_factor double precision NOT NULL
                                             CHECK (missing_required_factor > 0 AND missing_required_factor <= 1),
    -- What training learned, shipped or not, so a rejected weighting can be read and explained.
    learned_skills          double precision NOT NULL CHECK (learned_skills >= 0),
    learned_rate            double precision NOT NULL CHECK (learned_rate >= 0),
    learned_days            double precision NOT NULL CHECK (learned_days >= 0),
    learned_work_style      double precision NOT NULL CHECK (learned_work_style >= 0),
    learned_missing_required_factor double precision NOT NULL
                                             CHECK (learned_missing_required_factor > 0 AND learned_missing_required_factor <= 1),
    train_jobs              integer          NOT NULL CHECK (train_jobs >= 0),
    validation_jobs         integer          NOT NULL CHECK (validation_jobs >= 0),
    ndcg_fixed              double precision NOT NULL,
    ndcg_learned            double precision NOT NULL,
    trained_at              timestamptz      NOT NULL,
    CHECK (skills + rate + days + work_style > 0),
    CHECK (learned_skills + learned_rate + learned_days + learned_work_style > 0)
);

ALTER TABLE ranking_weights ENABLE ROW LEVEL SECURITY;
ALTER TABLE ranking_weights FORCE ROW LEVEL SECURITY;
CREATE POLICY ranking_weights_tenant ON ranking_weights
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());

GRANT SELECT, INSERT, UPDATE ON ranking_weights TO ${app_role};
