package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EntryTest {
  private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");

  @Test
  void aRecognitionNeedsNoEarlierEntryAndAnAppealDoes() {
    Entry r =
        new Entry(
            1,
            T,
            "r-1",
            EntryKind.RECOGNISE,
            Optional.of("V01"),
            5,
            "w-1",
            OptionalLong.empty(),
            Optional.empty());
    assertThat(r.points()).isEqualTo(5);
    assertThatThrownBy(
            () ->
                new Entry(
                    2,
                    T,
                    "r-1",
                    EntryKind.APPEAL_FILED,
                    Optional.empty(),
                    0,
                    "r-1",
                    OptionalLong.empty(),
                    Optional.empty()))
        .hasMessageContaining("needs refersTo");
    assertThatThrownBy(
            () ->
                new Entry(
                    2,
                    T,
                    "r-1",
                    EntryKind.APPEAL_FILED,
                    Optional.empty(),
                    0,
                    "r-1",
                    OptionalLong.of(2),
                    Optional.empty()))
        .hasMessageContaining("not an earlier entry");
    assertThatThrownBy(
            () ->
                new Entry(
                    2,
                    T,
                    "r-1",
                    EntryKind.REDEEM,
                    Optional.empty(),
                    -3,
                    "r-1",
                    OptionalLong.of(1),
                    Optional.empty()))
        .hasMessageContaining("refers to no entry");
    assertThatThrownBy(
            () ->
                new Entry(
                    0,
                    T,
                    "r-1",
                    EntryKind.REDEEM,
                    Optional.empty(),
                    -3,
                    "r-1",
                    OptionalLong.empty(),
                    Optional.empty()))
        .hasMessageContaining("at least 1");
  }
}
