package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.core.GridLevel;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.rules.dispatch.DispatchFacts;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationFacts;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.table.CompiledTable;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.InputClause;
import org.gridgov.rules.table.InputRow;
import org.gridgov.rules.table.Rule;
import org.gridgov.rules.table.UnaryTest;
import org.gridgov.rules.table.UnaryTests;
import org.gridgov.rules.table.ValueType;
import org.junit.jupiter.api.Test;

/**
 * The services travel: a compiled table, a dispatcher, an escalation ladder, lists, a policy set
 * and a history come back from Java serialisation equal and answer 100,000 seeded random inputs
 * exactly as the originals.
 */
class SerialFormTest {
  private static final int INPUTS = 100_000;

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  static int size(Serializable value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.size();
  }

  @Test
  void shippedTablesAnswerAlikeAfterTheTrip() throws Exception {
    for (DecisionTable t :
        List.of(
            Dispatcher.shippedTable("2024"),
            Dispatcher.shippedTable("2026"),
            EscalationLadder.shippedTable())) {
      CompiledTable original = t.compile();
      CompiledTable copy = roundTrip(original);
      assertThat(copy).isNotSameAs(original);
      assertThat(copy.table()).isEqualTo(t);
      sameAnswers(original, copy, new SplittableRandom(t.name().hashCode()));
    }
  }

  @Test
  void compiledTableSerialFormIsCompact() throws Exception {
    DecisionTable t = Dispatcher.shippedTable("2026");
    // the compact JSON of the table plus the stream's class descriptors: a few kilobytes
    assertThat(size(t.compile()))
        .isLessThan(org.gridgov.rules.table.DecisionTables.toJson(t).length());
  }

  @Test
  void dispatcherAnswersAlikeAfterTheTrip() throws Exception {
    Dispatcher original = Dispatcher.defaults();
    Dispatcher copy = roundTrip(original);
    assertThat(copy.table()).isEqualTo(original.table());
    List<Item> items = PolicySets.sampleLists().items();
    SplittableRandom random = new SplittableRandom(20260101);
    CaseSeverity[] severities = CaseSeverity.values();
    CaseScope[] scopes = CaseScope.values();
    for (int i = 0; i < INPUTS; i++) {
      DispatchFacts f =
          DispatchFacts.of(
              items.get(random.nextInt(items.size())),
              severities[random.nextInt(severities.length)],
              random.nextInt(120),
              scopes[random.nextInt(scopes.length)],
              random.nextInt(10) == 0);
      assertThat(outcome(() -> copy.decide(f))).isEqualTo(outcome(() -> original.decide(f)));
    }
  }

  @Test
  void escalationLadderAnswersAlikeAfterTheTrip() throws Exception {
    EscalationLadder original = EscalationLadder.defaults();
    EscalationLadder copy = roundTrip(original);
    assertThat(copy.table()).isEqualTo(original.table());
    assertThat(copy.levels().levels()).isEqualTo(original.levels().levels());
    List<GridLevel> levels = original.levels().levels();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < INPUTS; i++) {
      EscalationFacts f =
          new EscalationFacts(
              levels.get(random.nextInt(levels.size())),
              random.nextBoolean(),
              random.nextInt(4) == 0 ? random.nextInt(3) : random.nextDouble() * 2);
      assertThat(outcome(() -> copy.decide(f))).isEqualTo(outcome(() -> original.decide(f)));
    }
  }

  @Test
  void policySetsAndHistoriesTravelWhole() throws Exception {
    PolicySet original = PolicySets.defaults();
    PolicySet copy = roundTrip(original);
    assertThat(copy.version()).isEqualTo(original.version());
    assertThat(copy.validFrom()).isEqualTo(original.validFrom());
    assertThat(copy.validTo()).isEqualTo(original.validTo());
    assertThat(copy.lists()).isEqualTo(original.lists());
    assertThat(copy.dispatcher().table()).isEqualTo(original.dispatcher().table());
    assertThat(copy.escalation().table()).isEqualTo(original.escalation().table());
    assertThat(copy.check(LocalDate.of(2026, 6, 1)))
        .isEqualTo(original.check(LocalDate.of(2026, 6, 1)));
    sameAnswers(
        original.dispatcher().table().compile(),
        copy.dispatcher().table().compile(),
        new SplittableRandom(11));

    PolicyHistory history = PolicySets.shipped();
    PolicyHistory back = roundTrip(history);
    assertThat(back.versions())
        .extracting(PolicySet::version)
        .isEqualTo(history.versions().stream().map(PolicySet::version).toList());
    for (int i = 0; i < history.versions().size(); i++) {
      assertThat(back.versions().get(i).dispatcher().table())
          .isEqualTo(history.versions().get(i).dispatcher().table());
      assertThat(back.versions().get(i).validTo()).isEqualTo(history.versions().get(i).validTo());
    }
  }

  @Test
  void theEngineIsNeverReadDirectly() throws Exception {
    // a stream that names CompiledTable itself (not its serial form) is refused
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(Dispatcher.shippedTable("2026").compile());
    }
    byte[] b = bytes.toByteArray();
    assertThat(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("CompiledTable$SerialForm")
        .doesNotContain("ColumnIndex");
  }

  // ---- helpers ----

  private interface Call {
    Object get();
  }

  /** The answer or the exception's class and message, so failures compare too. */
  private static Object outcome(Call call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** Same results from both on INPUTS random inputs over the table's input domains. */
  private static void sameAnswers(CompiledTable a, CompiledTable b, SplittableRandom random) {
    DecisionTable t = a.table();
    List<List<Object>> domains = new ArrayList<>();
    for (int c = 0; c < t.inputs().size(); c++) {
      domains.add(domain(t, c));
    }
    InputRow rowA = a.newRow();
    InputRow rowB = b.newRow();
    for (int i = 0; i < INPUTS; i++) {
      Map<String, Object> in = new HashMap<>();
      for (int c = 0; c < t.inputs().size(); c++) {
        InputClause clause = t.inputs().get(c);
        Object v = pick(domains.get(c), clause.type(), random);
        in.put(clause.name(), v);
        rowA.set(c, v);
        rowB.set(c, v);
      }
      assertThat(b.evaluate(in)).as("input %s", in).isEqualTo(a.evaluate(in));
      if (t.hitPolicy().isSingleHit()) {
        assertThat(b.select(rowB)).isEqualTo(a.select(rowA));
      }
    }
  }

  /** The literals the column's entries and allowed values mention, plus null. */
  private static List<Object> domain(DecisionTable t, int c) {
    List<Object> out = new ArrayList<>();
    out.add(null);
    List<UnaryTests> all = new ArrayList<>();
    all.add(t.inputs().get(c).allowedValues());
    for (Rule r : t.rules()) {
      all.add(r.inputEntries().get(c));
    }
    for (UnaryTests u : all) {
      for (UnaryTest test : u.tests()) {
        if (test instanceof UnaryTest.Compare cmp) {
          out.add(cmp.value());
        } else if (test instanceof UnaryTest.Range range) {
          out.add(range.low());
          out.add(range.high());
        }
      }
    }
    return out;
  }

  private static Object pick(List<Object> domain, ValueType type, SplittableRandom random) {
    Object v = domain.get(random.nextInt(domain.size()));
    if (random.nextInt(5) != 0 || v == null) {
      return random.nextInt(50) == 0 ? "not-a-value-" + random.nextInt(3) : v;
    }
    // near a literal: either side of each boundary
    int step = random.nextInt(7) - 3;
    if (v instanceof BigDecimal d) {
      return random.nextBoolean()
          ? d.add(BigDecimal.valueOf(step))
          : d.add(new BigDecimal("0.5").multiply(BigDecimal.valueOf(step)));
    }
    if (v instanceof LocalDate d) {
      return d.plusDays(step);
    }
    if (v instanceof LocalDateTime d) {
      return d.plusMinutes(step * 30L);
    }
    if (v instanceof Duration d) {
      return d.plusMinutes(step * 30L);
    }
    if (v instanceof String s && type == ValueType.STRING) {
      return random.nextBoolean() ? s : s + "x";
    }
    return v;
  }
}
