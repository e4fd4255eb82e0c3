-- Background work that must run once per period in the whole cluster, not once per node: calendar
-- refresh, audit retention, contract end reminders, ranking training. A node runs a schedule only
-- after claiming its period here (an update that succeeds on one node only), so the cadence is the
-- cluster's and survives restarts and the death of the node that ran it last. No tenant data, no
-- row-level security: the rows are the platform's own.
CREATE TABLE cluster_schedule (
    name             varchar(100) PRIMARY KEY,
    -- When the last run started, by the database's clock: the nodes' clocks never decide.
    last_started_at  timestamptz  NOT NULL,
    last_finished_at timestamptz,
    -- Which node ran it last (proxima.node.name), for operators and the cluster test.
    last_node        varchar(200) NOT NULL,
    runs             bigint       NOT NULL DEFAULT 0 CHECK (runs >= 0)
);

GRANT SELECT, INSERT, UPDATE ON cluster_schedule TO ${app_role};
