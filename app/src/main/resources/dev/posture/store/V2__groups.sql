-- Version 2: named sets of tenants for custom comparisons. A member need not have a run yet.

CREATE TABLE tenant_group (
  name TEXT PRIMARY KEY
);

CREATE TABLE group_member (
  group_name TEXT NOT NULL REFERENCES tenant_group (name) ON DELETE CASCADE,
  tenant_id TEXT NOT NULL,
  PRIMARY KEY (group_name, tenant_id)
);
