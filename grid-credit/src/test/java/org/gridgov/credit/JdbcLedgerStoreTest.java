package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcLedgerStoreTest extends JdbcStoreContract {
  private final DriverDataSource dataSource =
      new DriverDataSource(
          new org.h2.Driver(), "jdbc:h2:mem:credit-" + UUID.randomUUID() + ";LOCK_TIMEOUT=10000");
  private Connection keepAlive;

  @AfterEach
  void dropTheDatabase() throws Exception {
    if (keepAlive != null) {
      keepAlive.close();
    }
  }

  @Override
  LedgerStore newStore() throws Exception {
    keepAlive =
        dataSource.getConnection(); // an in-memory H2 database lives while a connection does
    return LedgerStores.jdbc(dataSource);
  }

  @Override
  LedgerStore reopen() {
    return LedgerStores.jdbc(dataSource);
  }

  @Test
  void theSchemaIsTheDocumentedResourceAndOpeningTwiceKeepsTheRows() throws Exception {
    assertThat(JdbcLedgerStore.schema())
        .contains("CREATE TABLE IF NOT EXISTS credit_ledger (")
        .contains("seq        BIGINT      NOT NULL PRIMARY KEY");
    assertThat(JdbcLedgerStore.schemaStatements()).hasSize(2);
    try (LedgerStore store = newStore()) {
      store.append(StoreFixtures.entries(1, 3));
    }
    try (LedgerStore store = reopen()) {
      assertThat(store.entries()).isEqualTo(StoreFixtures.entries(1, 3));
    }
  }

  @Test
  void aDuplicateSeqInTheTableIsRefusedByThePrimaryKey() throws Exception {
    try (LedgerStore store = newStore();
        Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      store.append(StoreFixtures.entries(1, 2));
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO credit_ledger (seq, at_second, at_nano, resident, kind, points,"
                          + " made_by) VALUES (2, 0, 0, 'r', 'RECOGNISE', 1, 'w')"))
          .hasMessageContaining("PRIMARY KEY");
    }
  }

  @Test
  void aGapOrABadRowInTheTableIsALocatedError() throws Exception {
    try (LedgerStore store = newStore();
        Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      store.append(StoreFixtures.entries(1, 2));
      s.execute(
          "INSERT INTO credit_ledger (seq, at_second, at_nano, resident, kind, points, made_by)"
              + " VALUES (4, 0, 0, 'r', 'RECOGNISE', 1, 'w')");
      assertThatThrownBy(store::entries)
          .isInstanceOfSatisfying(
              LedgerCorruptException.class,
              e ->
                  assertThat(e.reason())
                      .isEqualTo("seq 3: seq 3 is missing: the next row has seq 4"));
      s.execute(
          "INSERT INTO credit_ledger (seq, at_second, at_nano, resident, kind, points, made_by)"
              + " VALUES (3, 0, 0, 'r', 'PRAISE', 1, 'w')");
      assertThatThrownBy(store::entries)
          .isInstanceOf(LedgerCorruptException.class)
          .hasMessage("table credit_ledger: seq 3: kind 'PRAISE' is not an entry kind");
      assertThat(store.entriesFrom(4)).hasSize(1);
    }
  }

  @Test
  void aClosedStoreRefusesWork() throws Exception {
    LedgerStore store = newStore();
    store.close();
    assertThatThrownBy(() -> store.append(List.of(StoreFixtures.recognition(1, "w"))))
        .isInstanceOf(IllegalStateException.class);
  }
}
