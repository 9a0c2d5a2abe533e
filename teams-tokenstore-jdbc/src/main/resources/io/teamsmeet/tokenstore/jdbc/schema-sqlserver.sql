-- teams-meetings for Java: the JDBC token store's table, for SQL Server 2012 and later and Azure SQL.
-- Plain SQL for Flyway (copy as V1__teams_tokens.sql) or Liquibase (sqlFile); no GO separator needed.
-- user_id:       the application's user id; the BIN2 collation compares it by code point, case
--                included. SQL Server ignores trailing spaces in "=" whatever the collation, so ids
--                that differ only in trailing spaces share one row.
-- version:       the opaque version the core chose; compare-and-set writes check it.
-- ciphertext:    the grant sealed by the core (Tink AEAD).
-- updated_at_ms: when the core wrote this version, in milliseconds since 1970-01-01T00:00:00Z (UTC).
CREATE TABLE teams_tokens (
    user_id       NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    version       BIGINT NOT NULL,
    ciphertext    VARBINARY(MAX) NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
