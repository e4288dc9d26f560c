package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.core.risk.RiskColour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update paths that must not copy the whole register: recolouring one element on an event and a
 * journal commit after {@code state()} go through {@link ElementRegister#with} (the next register
 * shares the old one's base and carries the change in a small overlay) and answer as a rebuild.
 */
class RegisterUpdateTest {
  @TempDir Path dir;

  private static ElementRegister sentiments(int n) {
    ElementRegister.Builder b = ElementRegister.builder();
    for (int i = 0; i < n; i++) {
      b.add(RecolouringTest.D0, RecolouringTest.sentiment(String.format("S-%05d", i)));
    }
    return b.build();
  }

  @Test
  void recolouringOneElementAddsOneOverlayEntryAndAnswersAsARebuild() {
    ElementRegister register = sentiments(5_000);
    Recolouring r =
        RecolouringTest.control(register)
            .recolour(
                RecolouringTest.DISPUTES,
                RecolouringTest.disputes("S-00042", 4),
                RecolouringTest.AS_OF,
                "event");
    assertThat(r.changes()).hasSize(1);
    ElementRegister next = r.register();
    assertThat(next.overlaySize()).isEqualTo(1); // not a copy of the 5,000 ids
    ElementRegister rebuilt =
        register.toBuilder().mark("S-00042", r.changes().get(0).mark()).build();
    assertThat(next.ids()).isEqualTo(rebuilt.ids());
    assertThat(next.marks("S-00042")).isEqualTo(rebuilt.marks("S-00042"));
    assertThat(next.colour("S-00042", RecolouringTest.AS_OF).flatMap(ColourMark::colour))
        .contains(RiskColour.RED);
    assertThat(next.colour("S-00042", RecolouringTest.AS_OF.minusDays(1))).isEmpty();
    assertThat(register.marks("S-00042")).isEmpty(); // the old register is unchanged
  }

  @Test
  void aCommitAfterStateIsAppliedToTheCachedStateNotRefolded() {
    try (RegisterJournal j = RegisterJournal.open(dir.resolve("register.journal"))) {
      j.commit(RegisterJournalFixtures.changes(1, 3_000));
      RegisterState before = j.state();
      assertThat(before.register().overlaySize()).isZero();
      long seq = 3_001;
      for (int commit = 0; commit < 20; commit++) {
        int n = 1 + commit % 4; // versions, marks of elements versioned in the same commit, visits
        j.commit(RegisterJournalFixtures.changes(seq, n));
        seq += n;
        RegisterState s = j.state();
        assertThat(s.changes()).isEqualTo(seq - 1);
        // a refold would build a register without an overlay; the cached state carries the commit
        assertThat(s.register().overlaySize()).isPositive();
        RegisterJournalFixtures.assertSameState(s, j.replay());
      }
      assertThat(before.changes()).isEqualTo(3_000); // states handed out are never changed
      assertThat(before.register().size()).isEqualTo(1_000);
    }
    try (RegisterJournal again = RegisterJournal.open(dir.resolve("register.journal"))) {
      assertThat(again.state().changes()).isEqualTo(3_050);
    }
  }

  @Test
  void theVisitLogTakesVisitsWithoutACopy() {
    VisitLog log =
        VisitLog.of(
            List.of(
                Visit.of(
                    "S-1", java.time.Instant.parse("2026-03-01T01:00:00Z"), "w", List.of("x"))));
    VisitLog next =
        log.with(
            List.of(
                Visit.of(
                    "S-1", java.time.Instant.parse("2026-02-01T01:00:00Z"), "w", List.of("x"))));
    assertThat(next.size()).isEqualTo(2);
    assertThat(next.visits("S-1")).extracting(Visit::at).isSorted();
    assertThat(log.size()).isEqualTo(1);
    assertThat(
            next.lastAt(
                "S-1",
                LocalDate.of(2026, 2, 15).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)))
        .isPresent();
  }
}
