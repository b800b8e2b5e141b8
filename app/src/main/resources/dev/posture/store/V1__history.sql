-- The history store, version 1: tenants, their runs, and each run's scores and actions.
-- One script for SQLite and PostgreSQL; ${id} is each one's generated key.
-- Times are UTC text, yyyy-MM-ddTHH:mm:ss.SSSZ, so that they sort as they read.

CREATE TABLE tenant (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL
);

-- source: posture (an assessment) or microsoft (one day of Microsoft's Secure Score)
CREATE TABLE run (
  id ${id},
  tenant_id TEXT NOT NULL REFERENCES tenant (id),
  recorded_at TEXT NOT NULL,
  recorded_on TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX run_by_tenant ON run (tenant_id, source, recorded_at);
-- Microsoft's history holds each day once, however often it is imported
CREATE UNIQUE INDEX microsoft_day ON run (tenant_id, recorded_on) WHERE source = 'microsoft';

-- view_name: current, planned, currentLicense or achievable; scope: overall or a category
CREATE TABLE score (
  run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
  view_name TEXT NOT NULL,
  scope TEXT NOT NULL,
  points DOUBLE PRECISION NOT NULL,
  max_points DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (run_id, view_name, scope)
);

-- max_points is empty where Microsoft's export does not say what a control is worth; status is
-- empty on Microsoft's days, which record none; source says who decided the points
CREATE TABLE action_result (
  run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
  action_id TEXT NOT NULL,
  points DOUBLE PRECISION NOT NULL,
  max_points DOUBLE PRECISION,
  status TEXT,
  source TEXT NOT NULL,
  PRIMARY KEY (run_id, action_id)
);
