package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the JDBC store must do on every database, beyond the {@link LedgerStoreContract}. */
abstract class JdbcStoreContract extends LedgerStoreContract {
  @Test
  void aJdbcStoreRefusesTextASqlDatabaseCannotHold() throws Exception {
    try (LedgerStore store = newStore()) {
      for (String s : StoreFixtures.UNSQLABLE) {
        Entry r = StoreFixtures.recognition(1, "w");
        Entry bad =
            new Entry(
                1, r.at(), "r", r.kind(), r.rule(), 1, "w", r.refersTo(), java.util.Optional.of(s));
        assertThatThrownBy(() -> store.append(List.of(bad)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("entry 1: evidence has a")
            .hasMessageEndingWith("which a SQL database cannot store");
      }
      assertThat(store.nextSeq()).isEqualTo(1);
    }
  }
}
