package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.junit.jupiter.api.Test;

/**
 * Schemes and scorers travel: Java serialisation through the versioned serial form gives an equal
 * scheme and a scorer whose scorecards are identical, unit for unit, on a log of 100,000 random
 * cases.
 */
class ScoringSerializationTest {
  private static final int CASES = 100_000;

  @Test
  void everyShippedSchemeRoundTripsToAnEqualScheme() throws Exception {
    for (ScoringScheme s : ScoringSchemes.builtIns()) {
      assertThat(roundTrip(s)).as(s.id()).isEqualTo(s);
    }
  }

  @Test
  void theSerialFormIsCompact() throws Exception {
    ScoringScheme s = ScoringSchemes.builtIn("tongcheng-2022");
    int json = ScoringSchemes.canonicalBytes(s).length;
    // The stream carries the compact JSON plus a class descriptor, not an object graph.
    assertThat(serialize(s).length).isLessThan(json + 300);
    assertThat(serialize(Scorer.of(s)).length).isLessThan(json + 400);
  }

  @Test
  void aScorerScoresTheSameAfterTheRoundTrip() throws Exception {
    CaseLog log = randomLog(CASES, 20260101L);
    assertThat(log.size()).isEqualTo(CASES);
    int compared = 0;
    for (ScoringScheme s : ScoringSchemes.builtIns()) {
      Scorer before = Scorer.of(s).withThreads(2);
      Scorer after = roundTrip(before);
      assertThat(after.scheme()).isEqualTo(s);
      assertThat(after.threads()).isEqualTo(2);
      for (UnitKind kind : UnitKind.values()) {
        if (!s.assesses(kind)) {
          continue;
        }
        Scorer.Request request = Scorer.Request.of(FactsGen.SPAN, kind).eachMonth();
        List<Scorecard> a = before.score(log, request);
        List<Scorecard> b = after.score(log, request);
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
          assertThat(b.get(i).units()).as("%s %s %d", s.id(), kind, i).isEqualTo(a.get(i).units());
          assertThat(b.get(i).scores()).isEqualTo(a.get(i).scores());
          for (String unit : a.get(i).unitIds()) {
            assertThat(b.get(i).explain(unit)).isEqualTo(a.get(i).explain(unit));
          }
          compared += a.get(i).size();
        }
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  /**
   * {@code n} consistent random cases over {@link FactsGen#SPAN}, spread over a few hundred grids,
   * dozens of departments and workers.
   */
  static CaseLog randomLog(int n, long seed) {
    Random r = new Random(seed);
    CaseLog.Builder b = CaseLog.builder(TestFacts.AS_OF);
    List<Integer> choices = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      choices.clear();
      for (int k = 0; k < 24; k++) {
        choices.add(r.nextInt(100));
      }
      CaseFacts f = FactsGen.fromChoices("c" + i, choices);
      int spread = r.nextInt(64);
      Map<WorkerRole, String> workers = new EnumMap<>(WorkerRole.class);
      f.workers().forEach((role, w) -> workers.put(role, w + "-" + spread % 16));
      b.add(
          new CaseFacts(
              f.caseId(),
              f.month(),
              f.grid().map(g -> g + "-" + spread),
              f.community().map(c -> c + "-" + spread % 8),
              f.street().map(s -> s + "-" + spread % 4),
              f.department().map(d -> d + "-" + spread % 12),
              workers,
              f.flags(),
              f.reworks(),
              f.reverseGrade(),
              f.open()));
    }
    return b.declare(UnitKind.DEPARTMENT, "nobody-whistled").build();
  }

  private static byte[] serialize(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(o)))) {
      return (T) in.readObject();
    }
  }
}
