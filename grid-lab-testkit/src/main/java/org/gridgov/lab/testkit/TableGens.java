package org.gridgov.lab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.lab.internal.Rng;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.HitPolicy;
import org.gridgov.rules.table.InputClause;
import org.gridgov.rules.table.OutputClause;
import org.gridgov.rules.table.ValueType;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;

/**
 * Generators of decision tables (决策表): general UNIQUE tables that are complete and free of overlaps
 * by construction, the same with a planted gap or overlap, and dispatch and escalation tables in
 * the shapes {@link Dispatcher} and {@link EscalationLadder} accept (so policy variants can be
 * drawn at random).
 *
 * <p>How completeness is guaranteed: the rules partition the input domain. The enumeration column
 * is split into groups of values, the number column {@code [0..100]} into half-open intervals at
 * sorted thresholds, and there is one rule per cell of that grid. A gap removes one rule (its cell
 * is non-empty, so nothing else matches it); an overlap appends a copy of a rule with another
 * output. Tables shrink to fewer values, thresholds and rules.
 *
 * <p>Stateless and thread-safe.
 */
public final class TableGens {
  /** The values of the enumeration input {@code kind} of {@link #tables()}. */
  public static final List<String> KINDS = List.of("A", "B", "C", "D", "E");

  /** The values of the output {@code result} of {@link #tables()}. */
  public static final List<String> RESULTS = List.of("low", "mid", "high");

  private TableGens() {}

  /** A defect to plant in a generated table. */
  public enum TableDefect {
    /** No defect: complete and free of overlaps. */
    NONE,
    /** One rule removed: some input matches nothing. */
    GAP,
    /** One rule repeated with another output: some input matches two rules. */
    OVERLAP
  }

  /**
   * Complete, overlap-free UNIQUE tables with inputs {@code kind} (string, 1–5 allowed values),
   * {@code amount} (number in {@code [0..100]}) and {@code flag} (boolean), and the output {@code
   * result}.
   *
   * @return the generator
   */
  public static Gen<DecisionTable> tables() {
    return tables(TableDefect.NONE);
  }

  /**
   * Tables as {@link #tables()}, with a planted defect.
   *
   * @param defect the defect
   * @return the generator
   */
  public static Gen<DecisionTable> tables(TableDefect defect) {
    Gen<Integer> kinds = Gens.integers(1, KINDS.size());
    Gen<List<Integer>> thresholds = Gens.lists(Gens.integers(1, 99), 0, 6);
    return src -> {
      int kindCount = kinds.generate(src);
      List<String> values = KINDS.subList(0, kindCount);
      // group the kinds: each value joins the group of a value before it, or starts one
      List<List<String>> groups = new ArrayList<>();
      for (String v : values) {
        int g = src.ints(0, groups.size());
        if (g == groups.size()) {
          groups.add(new ArrayList<>());
        }
        groups.get(g).add(v);
      }
      DecisionTable.Builder b =
          DecisionTable.builder("generated")
              .hitPolicy(HitPolicy.UNIQUE)
              .input(InputClause.enumeration("kind", ValueType.STRING, values))
              .input("amount", ValueType.NUMBER, "[0..100]")
              .input("flag", ValueType.BOOLEAN)
              .output(OutputClause.enumeration("result", ValueType.STRING, RESULTS));
      List<String[]> rules = new ArrayList<>();
      for (List<String> group : groups) {
        String kindTest = quoted(group);
        TreeSet<Integer> cuts = new TreeSet<>(thresholds.generate(src));
        List<String> intervals = intervals(cuts);
        for (String interval : intervals) {
          if (src.booleans()) {
            rules.add(new String[] {kindTest, interval, "true", RESULTS.get(src.ints(0, 2))});
            rules.add(new String[] {kindTest, interval, "false", RESULTS.get(src.ints(0, 2))});
          } else {
            rules.add(new String[] {kindTest, interval, "-", RESULTS.get(src.ints(0, 2))});
          }
        }
      }
      if (defect == TableDefect.GAP && rules.size() > 1) {
        rules.remove(src.ints(0, rules.size() - 1));
      } else if (defect == TableDefect.GAP) {
        // one rule covering everything: narrow it so that amount 100 is left out
        String[] only = rules.get(0);
        rules.set(0, new String[] {only[0], "[0..100)", only[2], only[3]});
      }
      if (defect == TableDefect.OVERLAP) {
        String[] copy = rules.get(src.ints(0, rules.size() - 1)).clone();
        copy[3] = RESULTS.get((RESULTS.indexOf(copy[3]) + 1) % RESULTS.size());
        rules.add(copy);
      }
      for (String[] r : rules) {
        b.rule(List.of(r[0], r[1], r[2]), List.of(r[3]));
      }
      return b.build();
    };
  }

  private static String quoted(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (String v : values) {
      sb.append(sb.length() == 0 ? "" : ",").append('"').append(v).append('"');
    }
    return sb.toString();
  }

  /** Half-open intervals of {@code [0..100]} cut at the thresholds. */
  private static List<String> intervals(TreeSet<Integer> cuts) {
    List<String> out = new ArrayList<>();
    int lo = 0;
    for (int c : cuts) {
      out.add("[" + lo + ".." + c + ")");
      lo = c;
    }
    out.add("[" + lo + "..100]");
    return out;
  }

  /**
   * Dispatch tables in the shape {@link Dispatcher#of} accepts, complete and free of overlaps: per
   * severity, an optional public-attention threshold and an optional split of local against wide
   * scopes; the tier never falls as severity, attention or scope grow ("simple first",
   * docs/domain.md §4), and wide or high tiers go through the event centre.
   *
   * @return the generator
   */
  public static Gen<DecisionTable> dispatchTables() {
    return src -> dispatchTableFrom(SourceRng.of(src));
  }

  /**
   * One dispatch table outside a property.
   *
   * @param seed the seed
   * @return the table
   */
  public static DecisionTable dispatchTable(long seed) {
    return dispatchTableFrom(Rng.of(new java.util.SplittableRandom(seed)));
  }

  private static DecisionTable dispatchTableFrom(Rng r) {
    List<String> tiers = names(HandlerTier.values());
    DecisionTable.Builder b =
        DecisionTable.builder("dispatch")
            .id("dispatch-generated")
            .hitPolicy(HitPolicy.UNIQUE)
            .input("category", ValueType.STRING)
            .input("handling", ValueType.STRING)
            .input(
                InputClause.enumeration("severity", ValueType.STRING, names(CaseSeverity.values())))
            .input("attention", ValueType.NUMBER, ">= 0")
            .input(InputClause.enumeration("scope", ValueType.STRING, names(CaseScope.values())))
            .output(OutputClause.enumeration("tier", ValueType.STRING, tiers))
            .output(OutputClause.of("eventCentre", ValueType.BOOLEAN));
    String local = "\"IN_GRID\",\"CROSS_GRID\",\"CROSS_COMMUNITY\"";
    String wide = "\"CROSS_STREET\",\"CROSS_DISTRICT\",\"CROSS_DEPARTMENT\"";
    // one attention threshold and one scope split for the whole table, so that the tier grows
    // with severity, attention and scope alike
    int threshold = r.chance(0.5) ? r.ints(1, 10) : 0;
    boolean splitScope = r.chance(0.6);
    String[] attention =
        threshold == 0 ? new String[] {"-"} : new String[] {"< " + threshold, ">= " + threshold};
    String[] scopes = splitScope ? new String[] {local, wide} : new String[] {"-"};
    int attentionBump = r.ints(0, 1);
    int scopeBump = r.ints(0, 2);
    int base = 0;
    int n = 0;
    for (CaseSeverity s : CaseSeverity.values()) {
      base = Math.min(tiers.size() - 1, base + r.ints(0, 2));
      for (int a = 0; a < attention.length; a++) {
        for (int w = 0; w < scopes.length; w++) {
          int tier = Math.min(tiers.size() - 1, base + a * attentionBump + w * scopeBump);
          boolean centre = tier >= HandlerTier.CITY_DEPARTMENT.ordinal() || w == 1;
          b.rule(
              "g" + (++n),
              List.of("-", "-", "\"" + s.name() + "\"", attention[a], scopes[w]),
              List.of(tiers.get(tier), centre),
              "generated");
        }
      }
    }
    return b.build();
  }

  /**
   * Escalation tables in the shape {@link EscalationLadder#of} accepts for {@link
   * LevelLadder#defaults()}, complete and free of overlaps: each level below the city whistles to a
   * level above it when beyond its authority and when the share of the time limit used reaches a
   * threshold (1–3), urges in between, and does nothing before; the city urges.
   *
   * @return the generator
   */
  public static Gen<DecisionTable> escalationTables() {
    return src -> escalationTableFrom(SourceRng.of(src));
  }

  /**
   * One escalation table outside a property.
   *
   * @param seed the seed
   * @return the table
   */
  public static DecisionTable escalationTable(long seed) {
    return escalationTableFrom(Rng.of(new java.util.SplittableRandom(seed)));
  }

  private static DecisionTable escalationTableFrom(Rng r) {
    List<GridLevel> levels = LevelLadder.defaults().levels();
    List<String> names = new ArrayList<>();
    levels.forEach(l -> names.add(l.name()));
    List<String> whistlers = new ArrayList<>(names);
    whistlers.add("none");
    DecisionTable.Builder b =
        DecisionTable.builder("escalation")
            .id("escalation-generated")
            .hitPolicy(HitPolicy.UNIQUE)
            .input(InputClause.enumeration("level", ValueType.STRING, names))
            .input("beyondAuthority", ValueType.BOOLEAN)
            .input("overdueShare", ValueType.NUMBER, ">= 0")
            .output(
                OutputClause.enumeration(
                    "action", ValueType.STRING, List.of("NONE", "URGE", "WHISTLE")))
            .output(OutputClause.enumeration("whistler", ValueType.STRING, whistlers))
            .output(
                OutputClause.enumeration(
                    "reporters",
                    ValueType.STRING,
                    List.of(
                        "NONE",
                        "PARTY_MEMBERS",
                        "DEPARTMENTS",
                        "CITY_DEPARTMENTS",
                        "JOINT_DEPARTMENTS")))
            .output(OutputClause.of("reportWithin", ValueType.STRING));
    String[] reportWithin = {"4 working hours", "1 working day", "2 working days"};
    double[] whistleAt = {1, 1.25, 1.5, 2, 3};
    int n = 0;
    for (int i = levels.size() - 1; i >= 0; i--) {
      String level = "\"" + names.get(i) + "\"";
      if (i == 0) {
        b.rule(
            "x" + (++n),
            List.of(level, "-", ">= 1"),
            List.of("URGE", "none", "NONE", "none"),
            "top: urge");
        b.rule(
            "x" + (++n),
            List.of(level, "-", "< 1"),
            List.of("NONE", "none", "NONE", "none"),
            "top: stay");
        continue;
      }
      int up = Math.max(0, i - 1 - (r.chance(0.2) ? 1 : 0));
      String whistler = names.get(up);
      String reporters = reporters(levels.get(up));
      String within = reportWithin[r.ints(0, reportWithin.length - 1)];
      double w = whistleAt[r.ints(0, whistleAt.length - 1)];
      double u = Math.min(w, r.chance(0.5) ? 0.75 : 1.0);
      b.rule(
          "x" + (++n),
          List.of(level, "true", "-"),
          List.of("WHISTLE", whistler, reporters, within),
          "beyond authority");
      b.rule(
          "x" + (++n),
          List.of(level, "false", ">= " + w),
          List.of("WHISTLE", whistler, reporters, within),
          "overdue");
      if (u < w) {
        b.rule(
            "x" + (++n),
            List.of(level, "false", "[" + u + ".." + w + ")"),
            List.of("URGE", "none", "NONE", "none"),
            "urge");
      }
      b.rule(
          "x" + (++n),
          List.of(level, "false", "< " + u),
          List.of("NONE", "none", "NONE", "none"),
          "stay");
    }
    return b.build();
  }

  /** Who reports when a level whistles (Zhengzhou's ladder, docs/domain.md §4). */
  private static String reporters(GridLevel whistler) {
    if (whistler.equals(GridLevel.CITY)) {
      return "JOINT_DEPARTMENTS";
    }
    if (whistler.equals(GridLevel.DISTRICT)) {
      return "CITY_DEPARTMENTS";
    }
    if (whistler.equals(GridLevel.STREET)) {
      return "DEPARTMENTS";
    }
    return "PARTY_MEMBERS";
  }

  private static List<String> names(Enum<?>[] values) {
    List<String> out = new ArrayList<>();
    for (Enum<?> v : values) {
      out.add(v.name());
    }
    return List.copyOf(out);
  }
}
