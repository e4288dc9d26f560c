-- GridGov credit ledger, JDBC store (docs/credit-storage.md, "The JDBC store").
-- One row per ledger entry; rows are only ever inserted. Runs on H2 2.x and PostgreSQL 12+.
-- The store runs these statements when it opens (IF NOT EXISTS: an existing table is kept).
CREATE TABLE IF NOT EXISTS credit_ledger (
  seq        BIGINT      NOT NULL PRIMARY KEY,
  at_second  BIGINT      NOT NULL,
  at_nano    INTEGER     NOT NULL,
  resident   VARCHAR     NOT NULL,
  kind       VARCHAR(16) NOT NULL,
  rule_code  VARCHAR,
  points     BIGINT      NOT NULL,
  made_by    VARCHAR     NOT NULL,
  refers_to  BIGINT,
  evidence   VARCHAR,
  CONSTRAINT credit_ledger_seq_from_1 CHECK (seq >= 1),
  CONSTRAINT credit_ledger_nano_range CHECK (at_nano >= 0 AND at_nano <= 999999999),
  CONSTRAINT credit_ledger_refers_back CHECK (refers_to IS NULL OR (refers_to >= 1 AND refers_to < seq))
);
CREATE INDEX IF NOT EXISTS credit_ledger_by_resident ON credit_ledger (resident, seq);
