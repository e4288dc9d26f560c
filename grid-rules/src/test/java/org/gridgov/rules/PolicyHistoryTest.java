package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.rules.dispatch.DispatchFacts;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.lists.Item;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class PolicyHistoryTest {
  private static final PolicyHistory SHIPPED = PolicySets.shipped();

  static PolicySet version(String name, String from, String to) {
    PolicySet base = PolicySets.defaults();
    return new PolicySet(
        name,
        LocalDate.parse(from),
        Optional.ofNullable(to).map(LocalDate::parse),
        base.lists(),
        base.dispatcher(),
        base.escalation());
  }

  @Test
  void anOldCaseIsJudgedByTheRulesInForceWhenItHappened() {
    Item rubbish = PolicySets.sampleLists().item("01001").orElseThrow();
    DispatchFacts sixReports =
        DispatchFacts.of(rubbish, CaseSeverity.SIMPLE, 6, CaseScope.IN_GRID, false);
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    // reported on 31 Dec 2025 at 23:30 Beijing time, which is still 2025 there
    Instant lateIn2025 = Instant.parse("2025-12-31T15:30:00Z");
    PolicySet then = SHIPPED.at(lateIn2025, shanghai).orElseThrow();
    assertThat(then.version()).isEqualTo("2024");
    assertThat(then.dispatcher().decide(sixReports).tier()).isEqualTo(HandlerTier.COMMUNITY);
    PolicySet now = SHIPPED.at(Instant.parse("2025-12-31T16:30:00Z"), shanghai).orElseThrow();
    assertThat(now.version()).isEqualTo("2026");
    assertThat(now.dispatcher().decide(sixReports).tier()).isEqualTo(HandlerTier.STREET);
  }

  @Test
  void theShippedHistory() {
    assertThat(SHIPPED.versions()).extracting(PolicySet::version).containsExactly("2024", "2026");
    assertThat(SHIPPED.at(LocalDate.of(2023, 12, 31))).isEmpty();
    assertThat(SHIPPED.at(LocalDate.of(2024, 1, 1)).orElseThrow().version()).isEqualTo("2024");
    assertThat(SHIPPED.at(LocalDate.of(2025, 12, 31)).orElseThrow().version()).isEqualTo("2024");
    assertThat(SHIPPED.at(LocalDate.of(2040, 1, 1)).orElseThrow().version()).isEqualTo("2026");
    assertThat(SHIPPED.latest()).isSameAs(PolicySets.defaults());
    assertThat(SHIPPED.version("2024")).isPresent();
    assertThat(SHIPPED.version("1999")).isEmpty();
    // both versions share one reading of the lists file they both name
    assertThat(SHIPPED.versions().get(0).lists()).isSameAs(SHIPPED.versions().get(1).lists());
  }

  @Test
  void eachShippedVersionIsConsistent() {
    for (PolicySet p : SHIPPED.versions()) {
      assertThat(p.check(p.validFrom())).as(p.version()).isEmpty();
      assertThat(p.check(LocalDate.of(2031, 6, 1))).as(p.version()).isEmpty();
    }
  }

  @Test
  void versionsMayLeaveGapsButNotOverlap() {
    PolicyHistory gappy =
        PolicyHistory.of(
            List.of(version("b", "2025-03-01", null), version("a", "2024-01-01", "2024-12-31")));
    assertThat(gappy.versions()).extracting(PolicySet::version).containsExactly("a", "b");
    assertThat(gappy.at(LocalDate.of(2025, 1, 15))).isEmpty();
    assertThatThrownBy(
            () ->
                PolicyHistory.of(
                    List.of(
                        version("a", "2024-01-01", "2025-01-01"),
                        version("b", "2025-01-01", null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'")
        .hasMessageContaining("overlap");
    assertThatThrownBy(
            () ->
                PolicyHistory.of(
                    List.of(version("a", "2024-01-01", null), version("b", "2025-01-01", null))))
        .hasMessageContaining("overlap");
    assertThatThrownBy(
            () ->
                PolicyHistory.of(
                    List.of(
                        version("a", "2024-01-01", "2024-02-01"),
                        version("a", "2025-01-01", null))))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> PolicyHistory.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> version("x", "2025-01-02", "2025-01-01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before it starts");
  }

  // ---- property: at(date) is the one version whose term contains the date ----

  record Timeline(List<PolicySet> versions, LocalDate probe) {}

  Gen<Timeline> timelines() {
    return src -> {
      int n = Gens.integers(1, 6).generate(src);
      LocalDate start = LocalDate.of(2020, 1, 1).plusDays(Gens.integers(0, 50).generate(src));
      List<PolicySet> vs = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        LocalDate from = start.plusDays(Gens.integers(0, 40).generate(src));
        boolean last = i == n - 1;
        Optional<LocalDate> to =
            last && Gens.booleans().generate(src)
                ? Optional.empty()
                : Optional.of(from.plusDays(Gens.integers(0, 60).generate(src)));
        vs.add(version("v" + i, from.toString(), to.map(LocalDate::toString).orElse(null)));
        start = to.orElse(from).plusDays(1);
      }
      java.util.Collections.shuffle(vs, new java.util.Random(Gens.longs().generate(src)));
      LocalDate probe = LocalDate.of(2020, 1, 1).plusDays(Gens.integers(-5, 600).generate(src));
      return new Timeline(vs, probe);
    };
  }

  @Property(tries = 300)
  void atFindsTheVersionWhoseTermHoldsTheDay(@ForAll("timelines") Timeline t) {
    PolicyHistory h = PolicyHistory.of(t.versions());
    List<PolicySet> holding = t.versions().stream().filter(v -> v.inForceOn(t.probe())).toList();
    assertThat(holding.size()).isLessThanOrEqualTo(1);
    assertThat(h.at(t.probe())).isEqualTo(holding.stream().findFirst());
  }
}
