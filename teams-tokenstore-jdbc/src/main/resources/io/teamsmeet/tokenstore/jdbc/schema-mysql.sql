-- teams-meetings for Java: the JDBC token store's table, for MySQL 8.0 and later (InnoDB).
-- Plain SQL for Flyway (copy as V1__teams_tokens.sql) or Liquibase (sqlFile); rename the table freely.
-- user_id:       the application's user id; utf8mb4_0900_bin compares it by code point, case and
--                trailing spaces included (a NO PAD collation; utf8mb4_bin would ignore trailing spaces).
-- version:       the opaque version the core chose; compare-and-set writes check it.
-- ciphertext:    the grant sealed by the core (Tink AEAD).
-- updated_at_ms: when the core wrote this version, in milliseconds since 1970-01-01T00:00:00Z (UTC).
CREATE TABLE teams_tokens (
    user_id       VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin NOT NULL PRIMARY KEY,
    version       BIGINT NOT NULL,
    ciphertext    LONGBLOB NOT NULL,
    updated_at_ms BIGINT NOT NULL
) ENGINE=InnoDB;
