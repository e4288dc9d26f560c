package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.credit.CreditBook;
import org.gridgov.credit.CreditReplay;
import org.gridgov.credit.Entry;
import org.gridgov.credit.EntryKind;
import org.junit.jupiter.api.Test;

class CreditReplayBenchmarkTest {
  @Test
  void theLedgerIsValidAndTheReplayAndTheBaselineAgreeOnEveryBalance() {
    CreditReplayBenchmark b = new CreditReplayBenchmark();
    b.setup(500, 20_000);
    assertThat(b.ledger()).hasSize(20_000);
    Set<EntryKind> kinds = b.ledger().stream().map(Entry::kind).collect(Collectors.toSet());
    assertThat(kinds)
        // no corrections; no appeal reviews or escalations (zero-point steps the generator
        // predates)
        .isEqualTo(
            EnumSet.complementOf(
                EnumSet.of(
                    EntryKind.CORRECT, EntryKind.APPEAL_REVIEW, EntryKind.APPEAL_ESCALATED)));
    // the whole ledger replays: every entry passes every check
    CreditBook book = CreditReplay.replay(b.schemeUsed(), b.ledger(), b.options());
    Map<String, Long> naive =
        CreditReplayBenchmark.naiveBalances(b.schemeUsed(), b.options().calendar(), b.ledger());
    assertThat(book.accounts()).hasSize(naive.size());
    book.accounts()
        .forEach(a -> assertThat(naive.get(a.resident())).as(a.resident()).isEqualTo(a.balance()));
    assertThat(b.replay()).isEqualTo(b.naive());
  }
}
