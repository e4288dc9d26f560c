package org.gridgov.rules.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gridgov.rules.table.RandomTables.Case;
import org.gridgov.rules.table.TableFinding.Kind;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;

/** Invariants of the engine on random tables (see {@link RandomTables}). */
class TablePropertiesTest {

  Gen<Case> anyCases() {
    return RandomTables.cases(false);
  }

  Gen<Case> domainCases() {
    return RandomTables.cases(true);
  }

  Gen<DecisionTable> tables() {
    return RandomTables.tables();
  }

  /** The compiled form is an optimisation only: same results, same explanations, same messages. */
  @Property(tries = 400)
  void compiledAgreesWithTheInterpreter(@ForAll("anyCases") Case c) {
    CompiledTable compiled = c.table().compile();
    InputRow row = compiled.newRow();
    int[] into = new int[c.table().rules().size()];
    for (Map<String, Object> in : c.inputs()) {
      DecisionResult expected = Tables.interpret(c.table(), in);
      assertThat(Tables.explain(compiled, in)).as("input %s", in).isEqualTo(expected);
      DecisionResult fast = compiled.evaluate(in);
      assertThat(fast.value()).isEqualTo(expected.value());
      assertThat(fast.matched()).isEqualTo(expected.matched());
      assertThat(fast.misses()).isEmpty();
      row.clear();
      in.forEach((k, v) -> row.set(k, v));
      int n = compiled.match(row, into);
      if (expected.messages().stream()
          .anyMatch(m -> m.code().startsWith("INVALID") || m.code().endsWith("ALLOWED"))) {
        assertThat(n).isEqualTo(CompiledTable.INVALID_INPUT);
        continue;
      }
      assertThat(n).isEqualTo(expected.matched().size());
      for (int i = 0; i < n; i++) {
        assertThat(into[i]).isEqualTo(expected.matched().get(i).index());
      }
      if (c.table().hitPolicy().isSingleHit()) {
        int s = compiled.select(row);
        int want =
            expected.hasErrors()
                ? CompiledTable.CONFLICT
                : expected.selected().isEmpty()
                    ? CompiledTable.NO_MATCH
                    : expected.selected().get(0).index();
        assertThat(s).as("select for %s", in).isEqualTo(want);
      }
    }
  }

  /**
   * The runs of cells an entry matches, found from its literals, are exactly the cells where it
   * evaluates true: for every entry and the allowed values of every column of random tables.
   */
  @Property(tries = 400)
  void matchingRunsAreTheCellsWhereAnEntryMatches(@ForAll("tables") DecisionTable t) {
    for (int c = 0; c < t.inputs().size(); c++) {
      java.util.List<UnaryTests> entries = new java.util.ArrayList<>();
      for (Rule r : t.rules()) {
        entries.add(r.inputEntries().get(c));
      }
      ColumnIndex col = new ColumnIndex(t.inputs().get(c), entries);
      entries.add(t.inputs().get(c).allowedValues());
      for (UnaryTests e : entries) {
        boolean[] inRuns = new boolean[col.cellCount()];
        int[] runs = col.matchingRuns(e);
        for (int i = 0; i < runs.length; i += 2) {
          assertThat(runs[i]).as("sorted disjoint runs of %s", e.text()).isLessThan(runs[i + 1]);
          if (i > 0) {
            assertThat(runs[i]).isGreaterThan(runs[i - 1]);
          }
          for (int cell = runs[i]; cell < runs[i + 1]; cell++) {
            inRuns[cell] = true;
          }
        }
        for (int cell = 0; cell < col.cellCount(); cell++) {
          if (!col.isEmpty(cell)) {
            assertThat(inRuns[cell])
                .as("entry %s on cell %s", e.text(), col.describe(cell))
                .isEqualTo(col.matches(e, cell));
          }
        }
      }
    }
  }

  /**
   * A table the verifier finds complete never answers "no match" on inputs in its domain, and one
   * it finds free of overlaps never violates UNIQUE.
   */
  @Property(tries = 400)
  void verifiedTablesKeepTheirPromises(@ForAll("domainCases") Case c) {
    VerificationReport report = TableVerifier.defaults().verify(c.table());
    boolean complete =
        !c.table().hasDefaults() && report.isExhaustive() && report.findings(Kind.GAP).isEmpty();
    boolean disjoint = report.findings(Kind.OVERLAP).isEmpty();
    for (Map<String, Object> in : c.inputs()) {
      DecisionResult r = Tables.interpret(c.table(), in);
      assertThat(r.messages())
          .noneMatch(m -> m.code().startsWith("INVALID") || m.code().endsWith("ALLOWED"));
      if (complete) {
        assertThat(r.isMatch()).as("complete table, input %s\n%s", in, report).isTrue();
      }
      if (disjoint && c.table().hitPolicy() == HitPolicy.UNIQUE) {
        assertThat(r.matched()).as("disjoint table, input %s\n%s", in, report).hasSizeLessThan(2);
      }
    }
  }

  /** Every witness the verifier reports does what the finding says. */
  @Property(tries = 400)
  void witnessesAreReal(@ForAll("tables") DecisionTable t) {
    WitnessChecks.holds(t, TableVerifier.defaults().verify(t));
  }

  /** The JSON writer and reader round-trip every table exactly. */
  @Property(tries = 200)
  void jsonRoundTrips(@ForAll("tables") DecisionTable t) {
    assertThat(Tables.readJson(DecisionTables.toJson(t), "t.json")).isEqualTo(t);
  }
}
