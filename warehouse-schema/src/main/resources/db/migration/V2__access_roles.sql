-- Group roles (NOLOGIN): a deployment grants them to login accounts. Roles are cluster-wide, so creation is
-- idempotent for servers hosting several warehouses (e.g. one database per test).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'datapack_loader') THEN
        CREATE ROLE datapack_loader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'datapack_analyst') THEN
        CREATE ROLE datapack_analyst NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'datapack_publisher') THEN
        CREATE ROLE datapack_publisher NOLOGIN;
    END IF;
END
$$;

COMMENT ON ROLE datapack_loader IS 'Ingest jobs: writes landing, core and ops; cannot alter published releases.';
COMMENT ON ROLE datapack_analyst IS 'Government analysts: reads mart and pub only; never landing, ops or anything holding a postcode or identifier.';
COMMENT ON ROLE datapack_publisher IS 'Publication job: reads core and mart, writes pub and the publish records in ops.';

-- Nobody reaches a schema by default; each role is granted exactly what it needs.
REVOKE ALL ON SCHEMA landing, core, mart, pub, ops, batch FROM PUBLIC;

GRANT USAGE ON SCHEMA landing, core, ops, batch TO datapack_loader;
GRANT USAGE ON SCHEMA core, mart, pub, ops TO datapack_publisher;
GRANT USAGE ON SCHEMA mart, pub TO datapack_analyst;

-- Tables created later by the schema owner (Flyway) inherit these grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA landing GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO datapack_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA core GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO datapack_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA ops GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO datapack_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA batch GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO datapack_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA landing, core, ops, batch GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO datapack_loader;

ALTER DEFAULT PRIVILEGES IN SCHEMA core GRANT SELECT ON TABLES TO datapack_publisher;
ALTER DEFAULT PRIVILEGES IN SCHEMA mart GRANT SELECT ON TABLES TO datapack_publisher;
ALTER DEFAULT PRIVILEGES IN SCHEMA pub GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO datapack_publisher;
ALTER DEFAULT PRIVILEGES IN SCHEMA pub GRANT USAGE, SELECT ON SEQUENCES TO datapack_publisher;

ALTER DEFAULT PRIVILEGES IN SCHEMA mart GRANT SELECT ON TABLES TO datapack_analyst;
ALTER DEFAULT PRIVILEGES IN SCHEMA pub GRANT SELECT ON TABLES TO datapack_analyst;
