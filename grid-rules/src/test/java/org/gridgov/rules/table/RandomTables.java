package org.gridgov.rules.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Source;

/**
 * Generators of random decision tables and inputs for the property tests: 1–3 typed inputs (numbers
 * with and without an allowed range, enumerations, unconstrained strings, booleans, dates), 0–8
 * rules mixing every unary-test form, every hit policy and aggregation.
 */
final class RandomTables {
  private static final String[] NUMBERS = {"0", "1", "2.5", "5", "7", "10", "-3"};
  private static final String[] WORDS = {"grid", "street", "district", "city"};
  private static final String[] DATES = {"2026-01-01", "2026-01-02", "2026-03-15", "2026-12-31"};

  private RandomTables() {}

  /** A table with a fair share of complete, non-overlapping ones (small literal pools). */
  static Gen<DecisionTable> tables() {
    return RandomTables::table;
  }

  /** A table and inputs of every kind, including nulls, wrong types and disallowed values. */
  record Case(DecisionTable table, List<Map<String, Object>> inputs) {}

  static Gen<Case> cases(boolean domainOnly) {
    return src -> {
      DecisionTable t = table(src);
      List<Map<String, Object>> inputs = new ArrayList<>();
      int n = src.ints(1, 12);
      for (int i = 0; i < n; i++) {
        inputs.add(input(src, t, domainOnly));
      }
      return new Case(t, inputs);
    };
  }

  private static DecisionTable table(Source src) {
    return src.ints(0, 2) == 0 ? partitioned(src) : free(src);
  }

  /**
   * A table built to be complete and disjoint (number ranges cut at random points, optionally
   * crossed with an enumeration or a boolean), then sometimes mutated in one entry so that it gets
   * a small gap or overlap: the cases where a verifier is most likely to be wrong.
   */
  private static DecisionTable partitioned(Source src) {
    HitPolicy policy =
        List.of(HitPolicy.UNIQUE, HitPolicy.UNIQUE, HitPolicy.ANY, HitPolicy.FIRST)
            .get(src.ints(0, 3));
    DecisionTable.Builder b = DecisionTable.builder("partitioned").hitPolicy(policy);
    boolean bounded = src.booleans();
    if (bounded) {
      b.input("in0", ValueType.NUMBER, "[0..10]");
    } else {
      b.input("in0", ValueType.NUMBER);
    }
    int second = src.ints(0, 2);
    List<String> splits =
        switch (second) {
          case 0 -> List.of("-");
          case 1 -> List.of("\"grid\"", "\"street\"", "\"district\"");
          default -> List.of("true", "false");
        };
    if (second == 2) {
      b.input("in1", ValueType.BOOLEAN);
    } else {
      b.input("in1", ValueType.STRING, "\"grid\", \"street\", \"district\"");
    }
    b.output(OutputClause.enumeration("out", ValueType.STRING, List.of("a", "b", "c")));
    Set<BigDecimal> cutSet = new java.util.TreeSet<>();
    int k = src.ints(1, 3);
    for (int i = 0; i < k; i++) {
      cutSet.add(new BigDecimal(NUMBERS[src.ints(0, NUMBERS.length - 1)]));
    }
    List<String> cuts = cutSet.stream().map(BigDecimal::toPlainString).toList();
    List<String> pieces = new ArrayList<>();
    pieces.add("< " + cuts.get(0));
    for (int i = 0; i + 1 < cuts.size(); i++) {
      pieces.add("[" + cuts.get(i) + ".." + cuts.get(i + 1) + ")");
    }
    pieces.add(">= " + cuts.get(cuts.size() - 1));
    List<List<String>> rows = new ArrayList<>();
    for (String piece : pieces) {
      if (src.booleans()) {
        rows.add(new ArrayList<>(List.of(piece, "-")));
      } else {
        for (String v : splits) {
          rows.add(new ArrayList<>(List.of(piece, v)));
        }
      }
    }
    if (src.booleans()) {
      List<String> row = rows.get(src.ints(0, rows.size() - 1));
      int col = src.ints(0, 1);
      row.set(
          col,
          col == 0 ? entry(src, ValueType.NUMBER, 0) : splits.get(src.ints(0, splits.size() - 1)));
    }
    for (List<String> row : rows) {
      b.rule(row, List.of(String.valueOf((char) ('a' + src.ints(0, 2)))));
    }
    return b.build();
  }

  private static DecisionTable free(Source src) {
    HitPolicy policy = HitPolicy.values()[src.ints(0, HitPolicy.values().length - 1)];
    DecisionTable.Builder b = DecisionTable.builder("random").hitPolicy(policy);
    int inputs = src.ints(1, 3);
    List<ValueType> types = new ArrayList<>();
    List<Integer> kinds = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      int kind = src.ints(0, 5);
      kinds.add(kind);
      String name = "in" + i;
      switch (kind) {
        case 0 -> b.input(name, ValueType.NUMBER);
        case 1 -> b.input(name, ValueType.NUMBER, "[0..10]");
        case 2 -> b.input(name, ValueType.STRING, "\"grid\", \"street\", \"district\"");
        case 3 -> b.input(name, ValueType.STRING);
        case 4 -> b.input(name, ValueType.BOOLEAN);
        default -> b.input(name, ValueType.DATE);
      }
      types.add(
          kind <= 1
              ? ValueType.NUMBER
              : kind <= 3 ? ValueType.STRING : kind == 4 ? ValueType.BOOLEAN : ValueType.DATE);
    }
    boolean numberOut = src.booleans();
    Aggregation agg = Aggregation.NONE;
    if (policy == HitPolicy.COLLECT && src.ints(0, 2) > 0) {
      agg = numberOut ? Aggregation.values()[src.ints(1, 4)] : Aggregation.COUNT;
    }
    b.aggregation(agg);
    OutputClause out =
        numberOut
            ? OutputClause.enumeration("out", ValueType.NUMBER, List.of(1, 2, 3))
            : OutputClause.enumeration("out", ValueType.STRING, List.of("a", "b", "c"));
    if (src.ints(0, 5) == 0) {
      out = out.withDefault(numberOut ? (Object) 3 : "c");
    }
    b.output(out);
    int rules = src.ints(0, 8);
    for (int r = 0; r < rules; r++) {
      List<String> when = new ArrayList<>();
      for (int i = 0; i < inputs; i++) {
        when.add(entry(src, types.get(i), kinds.get(i)));
      }
      int o = src.ints(0, 2);
      b.rule(when, List.of(numberOut ? (Object) (o + 1) : String.valueOf((char) ('a' + o))));
    }
    return b.build();
  }

  private static String entry(Source src, ValueType type, int kind) {
    if (src.ints(0, 3) == 0) {
      return "-";
    }
    int shape = src.ints(0, 9);
    String positive =
        switch (type) {
          case NUMBER -> numberTests(src, shape);
          case STRING -> stringTests(src, kind == 2);
          case BOOLEAN -> src.booleans() ? "true" : "false";
          default -> dateTests(src, shape);
        };
    if (shape == 9 && type != ValueType.BOOLEAN) {
      return "not(" + positive + ")";
    }
    if (shape == 8 && src.ints(0, 3) == 0) {
      return "null";
    }
    return positive;
  }

  private static String numberTests(Source src, int shape) {
    String a = NUMBERS[src.ints(0, NUMBERS.length - 1)];
    String c = NUMBERS[src.ints(0, NUMBERS.length - 1)];
    return switch (shape % 6) {
      case 0 -> a;
      case 1 -> new String[] {"<", "<=", ">", ">="}[src.ints(0, 3)] + " " + a;
      case 2, 3 -> {
        BigDecimal x = new BigDecimal(a);
        BigDecimal y = new BigDecimal(c);
        String lo = x.min(y).toPlainString();
        String hi = x.max(y).toPlainString();
        yield "([]".charAt(src.ints(0, 2)) + lo + ".." + hi + ")][".charAt(src.ints(0, 2));
      }
      case 4 -> a + ", " + c;
      default -> "< " + a + ", > " + c;
    };
  }

  private static String stringTests(Source src, boolean enumerated) {
    int n = src.ints(1, 2);
    Set<String> picked = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      picked.add("\"" + WORDS[src.ints(0, enumerated ? 2 : 3)] + "\"");
    }
    return String.join(", ", picked);
  }

  private static String dateTests(Source src, int shape) {
    String a = "date(\"" + DATES[src.ints(0, DATES.length - 1)] + "\")";
    return switch (shape % 3) {
      case 0 -> a;
      case 1 -> new String[] {"<", "<=", ">", ">="}[src.ints(0, 3)] + " " + a;
      default -> "[" + a + "..date(\"2026-06-30\")]";
    };
  }

  /**
   * An input. In the domain: non-null, allowed values only, unconstrained strings drawn from the
   * words the rules may mention (the verifier's stated assumptions). Otherwise anything goes.
   */
  private static Map<String, Object> input(Source src, DecisionTable t, boolean domainOnly) {
    Map<String, Object> in = new HashMap<>();
    for (InputClause c : t.inputs()) {
      if (!domainOnly && src.ints(0, 9) == 0) {
        in.put(c.name(), src.booleans() ? null : (Object) "not-a-value-of-any-number-type");
        continue;
      }
      Object v =
          switch (c.type()) {
            case NUMBER -> number(src, c, domainOnly);
            case STRING -> {
              List<String> pool = List.of(WORDS);
              if (domainOnly) {
                pool = c.allowedValues().isAny() ? mentioned(t, c) : List.of(WORDS).subList(0, 3);
              }
              String w = pool.get(src.ints(0, pool.size() - 1));
              yield !domainOnly && src.ints(0, 6) == 0 ? "moon" : w;
            }
            case BOOLEAN -> src.booleans();
            default -> LocalDate.of(2026, 1, 1).plusDays(src.ints(-3, 370));
          };
      if (domainOnly && !c.allowedValues().isAny() && !c.allowedValues().matches(canonical(v))) {
        v = c.type() == ValueType.NUMBER ? (Object) 5 : v;
      }
      in.put(c.name(), v);
    }
    return in;
  }

  /** The strings a column's rules mention (all words if none): the verifier's string domain. */
  private static List<String> mentioned(DecisionTable t, InputClause c) {
    int col = t.inputIndex(c.name());
    Set<String> words = new LinkedHashSet<>();
    for (Rule r : t.rules()) {
      for (UnaryTest u : r.inputEntries().get(col).tests()) {
        if (u instanceof UnaryTest.Compare cmp) {
          words.add((String) cmp.value());
        }
      }
    }
    return words.isEmpty() ? List.of(WORDS) : List.copyOf(words);
  }

  private static Object canonical(Object v) {
    if (v instanceof Integer i) {
      return BigDecimal.valueOf(i);
    }
    if (v instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    return v;
  }

  private static Object number(Source src, InputClause c, boolean domainOnly) {
    int how = src.ints(0, 3);
    Object v =
        switch (how) {
          case 0 -> new BigDecimal(NUMBERS[src.ints(0, NUMBERS.length - 1)]);
          case 1 -> src.ints(-4, 12);
          case 2 -> src.ints(-40, 120) / 8.0;
          default -> Double.parseDouble(NUMBERS[src.ints(0, NUMBERS.length - 1)]) + 1e-9;
        };
    if (domainOnly && !c.allowedValues().isAny() && !c.allowedValues().matches(canonical(v))) {
      return 5;
    }
    return v;
  }
}
