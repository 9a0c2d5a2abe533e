-- teams-meetings for Java: the JDBC token store's table, for PostgreSQL 12 and later.
-- Plain SQL for Flyway (copy as V1__teams_tokens.sql) or Liquibase (sqlFile); rename the table freely.
-- user_id:       the application's user id; collation "C" compares it byte for byte.
-- version:       the opaque version the core chose; compare-and-set writes check it.
-- ciphertext:    the grant sealed by the core (Tink AEAD).
-- updated_at_ms: when the core wrote this version, in milliseconds since 1970-01-01T00:00:00Z (UTC).
CREATE TABLE teams_tokens (
    user_id       VARCHAR(255) COLLATE "C" NOT NULL PRIMARY KEY,
    version       BIGINT NOT NULL,
    ciphertext    BYTEA NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
