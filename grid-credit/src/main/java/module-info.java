/**
 * GridGov credit: resident credit points (居民信用积分) — point rules as versioned data, an append-only
 * ledger that never loses a committed entry, recognition, appeal and repair, levels and explained
 * statements. See {@code docs/credit.md}.
 */
module org.gridgov.credit {
  requires transitive org.gridgov.core;
  requires transitive java.sql;

  exports org.gridgov.credit;
}
