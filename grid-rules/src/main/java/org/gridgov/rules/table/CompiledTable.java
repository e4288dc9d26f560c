package org.gridgov.rules.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.rules.table.internal.ColumnIndex;
import org.gridgov.rules.table.internal.Outcomes;
import org.gridgov.rules.table.internal.Values;

/**
 * The fast form of a {@link DecisionTable}, made by {@link DecisionTable#compile()}: every input
 * column is partitioned into cells (see the verifier's {@code ColumnIndex}) and each cell carries
 * the bitset of rules whose entry matches there, so an evaluation is one cell lookup per input (a
 * hash lookup for strings and enumerations, a binary search over primitive doubles for numbers) and
 * an AND of bitsets. It gives exactly the interpreter's results.
 *
 * <p>Two ways to call it:
 *
 * <ul>
 *   <li>{@link #evaluate(Map)} / {@link #explain(Map)}: like {@link DecisionTable#interpret}, a
 *       full {@link DecisionResult};
 *   <li>the allocation-free path for hot loops: fill a reusable {@link InputRow} (one per thread)
 *       and call {@link #select(InputRow)} (single-hit policies) or {@link #match(InputRow,
 *       int[])}, then read outputs with {@link #output(int, int)}.
 * </ul>
 *
 * <p>Immutable and thread-safe; {@link InputRow}s are not, use one per thread.
 */
public final class CompiledTable {
  /** {@link #select} result: no rule matched (the defaults apply, if any). */
  public static final int NO_MATCH = -1;

  /**
   * {@link #select} result: a hit-policy violation (UNIQUE with several matching rules, ANY with
   * differing outputs).
   */
  public static final int CONFLICT = -2;

  /** {@link #select} / {@link #match} result: an input has the wrong type or is not allowed. */
  public static final int INVALID_INPUT = -3;

  private final DecisionTable table;
  private final ColumnIndex[] columns;
  private final Map<String, Integer> slots;
  private final int ruleCount;
  private final int words;
  private final long[][] masks;
  private final long[] full;
  private final Object[][] outputs;
  private final List<Map<String, Object>> outputMaps;
  private final int[] rank;
  private final int[] outputClass;
  private final Optional<Map<String, Object>> defaults;
  private final Outcomes.RuleFacts facts;

  CompiledTable(DecisionTable table) {
    this.table = table;
    List<InputClause> inputs = table.inputs();
    List<Rule> rules = table.rules();
    this.ruleCount = rules.size();
    this.words = Math.max(1, (ruleCount + 63) >>> 6);
    this.columns = new ColumnIndex[inputs.size()];
    this.masks = new long[inputs.size()][];
    this.slots = new HashMap<>();
    for (int c = 0; c < columns.length; c++) {
      List<UnaryTests> entries = new ArrayList<>(ruleCount);
      for (Rule r : rules) {
        entries.add(r.inputEntries().get(c));
      }
      ColumnIndex col = new ColumnIndex(inputs.get(c), entries);
      columns[c] = col;
      slots.put(inputs.get(c).name(), c);
      long[] m = new long[col.cellCount() * words];
      for (int cell = 0; cell < col.cellCount(); cell++) {
        for (int r = 0; r < ruleCount; r++) {
          if (col.matches(entries.get(r), cell)) {
            m[cell * words + (r >>> 6)] |= 1L << r;
          }
        }
      }
      masks[c] = m;
    }
    this.full = new long[words];
    for (int r = 0; r < ruleCount; r++) {
      full[r >>> 6] |= 1L << r;
    }
    this.outputs = new Object[ruleCount][];
    List<Map<String, Object>> maps = new ArrayList<>(ruleCount);
    for (int r = 0; r < ruleCount; r++) {
      outputs[r] = rules.get(r).outputEntries().toArray();
      maps.add(Outcomes.outputMap(table, rules.get(r).outputEntries()));
    }
    this.outputMaps = List.copyOf(maps);
    Outcomes.RuleFacts lazy = Outcomes.lazyFacts(table);
    Integer[] order = new Integer[ruleCount];
    for (int r = 0; r < ruleCount; r++) {
      order[r] = r;
    }
    Arrays.sort(order, lazy::comparePriority);
    this.rank = new int[ruleCount];
    for (int i = 0; i < ruleCount; i++) {
      rank[order[i]] = i;
    }
    this.outputClass = new int[ruleCount];
    Map<List<Object>, Integer> classes = new HashMap<>();
    for (int r = 0; r < ruleCount; r++) {
      List<Object> key = new ArrayList<>();
      for (Object o : outputs[r]) {
        key.add(Values.key(o));
      }
      outputClass[r] = classes.computeIfAbsent(key, k -> classes.size());
    }
    this.defaults = Outcomes.defaults(table);
    this.facts =
        new Outcomes.RuleFacts() {
          @Override
          public Map<String, Object> outputs(int rule) {
            return outputMaps.get(rule);
          }

          @Override
          public int comparePriority(int a, int b) {
            return Integer.compare(rank[a], rank[b]);
          }

          @Override
          public boolean sameOutputs(int a, int b) {
            return outputClass[a] == outputClass[b];
          }
        };
  }

  /**
   * The table this was compiled from.
   *
   * @return the table
   */
  public DecisionTable table() {
    return table;
  }

  /**
   * The slot (column index) of an input, for the {@link InputRow} setters.
   *
   * @param inputName the input name
   * @return the slot
   * @throws IllegalArgumentException if the table has no such input
   */
  public int slot(String inputName) {
    Integer s = slots.get(inputName);
    if (s == null) {
      throw new IllegalArgumentException(
          "decision '" + table.name() + "' has no input '" + inputName + "'");
    }
    return s;
  }

  /**
   * A new, empty (all inputs {@code null}) row for the allocation-free path. Reuse it: {@link
   * InputRow#clear()} or overwrite its values between evaluations.
   *
   * @return the row, owned by the caller's thread
   */
  public InputRow newRow() {
    return new InputRow(this, columns, words);
  }

  /**
   * The rule a single-hit policy selects, without allocating.
   *
   * @param row the input
   * @return the 0-based rule index, or {@link #NO_MATCH}, {@link #CONFLICT} or {@link
   *     #INVALID_INPUT}
   * @throws IllegalStateException if the hit policy is not single-hit
   * @throws IllegalArgumentException if the row belongs to another table
   */
  public int select(InputRow row) {
    checkRow(row);
    if (!table.hitPolicy().isSingleHit()) {
      throw new IllegalStateException(
          "select() needs a single-hit policy; "
              + table.hitPolicy()
              + " returns several rules: use match()");
    }
    if (row.errors > 0) {
      return INVALID_INPUT;
    }
    int[] cells = row.cells;
    if (words == 1) {
      long m = full[0];
      for (int c = 0; c < cells.length; c++) {
        m &= masks[c][cells[c]];
      }
      return pick(m);
    }
    long[] m = matchWords(cells, row.scratch);
    return pickWide(m);
  }

  private int pick(long m) {
    if (m == 0) {
      return NO_MATCH;
    }
    int first = Long.numberOfTrailingZeros(m);
    switch (table.hitPolicy()) {
      case FIRST:
        return first;
      case UNIQUE:
        return (m & (m - 1)) == 0 ? first : CONFLICT;
      case ANY:
        {
          int cls = outputClass[first];
          for (long rest = m & (m - 1); rest != 0; rest &= rest - 1) {
            if (outputClass[Long.numberOfTrailingZeros(rest)] != cls) {
              return CONFLICT;
            }
          }
          return first;
        }
      default: // PRIORITY
        {
          int best = first;
          for (long rest = m & (m - 1); rest != 0; rest &= rest - 1) {
            int r = Long.numberOfTrailingZeros(rest);
            if (rank[r] < rank[best]) {
              best = r;
            }
          }
          return best;
        }
    }
  }

  private int pickWide(long[] m) {
    int chosen = NO_MATCH;
    for (int w = 0; w < words; w++) {
      for (long bits = m[w]; bits != 0; bits &= bits - 1) {
        int r = (w << 6) + Long.numberOfTrailingZeros(bits);
        if (chosen == NO_MATCH) {
          chosen = r;
          if (table.hitPolicy() == HitPolicy.FIRST) {
            return r;
          }
          continue;
        }
        switch (table.hitPolicy()) {
          case UNIQUE:
            return CONFLICT;
          case ANY:
            if (outputClass[r] != outputClass[chosen]) {
              return CONFLICT;
            }
            break;
          default: // PRIORITY
            if (rank[r] < rank[chosen]) {
              chosen = r;
            }
        }
      }
    }
    return chosen;
  }

  private long[] matchWords(int[] cells, long[] m) {
    System.arraycopy(full, 0, m, 0, words);
    for (int c = 0; c < cells.length; c++) {
      long[] mc = masks[c];
      int base = cells[c] * words;
      for (int w = 0; w < words; w++) {
        m[w] &= mc[base + w];
      }
    }
    return m;
  }

  /**
   * All matching rules in rule order, without allocating; for any hit policy.
   *
   * @param row the input
   * @param into receives the matching 0-based rule indexes; needs room for every rule
   * @return how many rules matched, or {@link #INVALID_INPUT}
   */
  public int match(InputRow row, int[] into) {
    checkRow(row);
    if (row.errors > 0) {
      return INVALID_INPUT;
    }
    long[] m = matchWords(row.cells, row.scratch);
    int n = 0;
    for (int w = 0; w < words; w++) {
      for (long bits = m[w]; bits != 0; bits &= bits - 1) {
        into[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
      }
    }
    return n;
  }

  /**
   * One output entry of a rule, as a canonical value.
   *
   * @param rule the 0-based rule index
   * @param output the 0-based output column
   * @return the value
   */
  public Object output(int rule, int output) {
    return outputs[rule][output];
  }

  /**
   * All outputs of a rule.
   *
   * @param rule the 0-based rule index
   * @return an unmodifiable map from output name to value, in column order
   */
  public Map<String, Object> outputs(int rule) {
    return outputMaps.get(rule);
  }

  /**
   * Evaluates the table; same result as {@link DecisionTable#interpret(Map)} but without the
   * explanation ({@link DecisionResult#misses()} is empty).
   *
   * @param input the input values by input name
   * @return the result
   */
  public DecisionResult evaluate(Map<String, ?> input) {
    return evaluate(fill(input), false);
  }

  /**
   * Evaluates the table without explanation.
   *
   * @param input the input values
   * @return the result
   */
  public DecisionResult evaluate(DecisionInput input) {
    return evaluate(input.asMap());
  }

  /**
   * Evaluates the table with the explanation: exactly {@link DecisionTable#interpret(Map)}.
   *
   * @param input the input values by input name
   * @return the result with {@link DecisionResult#misses()}
   */
  public DecisionResult explain(Map<String, ?> input) {
    return evaluate(fill(input), true);
  }

  /**
   * Evaluates the table with the explanation.
   *
   * @param input the input values
   * @return the result with misses
   */
  public DecisionResult explain(DecisionInput input) {
    return explain(input.asMap());
  }

  /**
   * Evaluates a filled row into a full result.
   *
   * @param row the input
   * @param explain whether to include the misses
   * @return the result
   */
  public DecisionResult evaluate(InputRow row, boolean explain) {
    checkRow(row);
    if (row.errors > 0) {
      return Outcomes.rejected(table, row.problems(table));
    }
    long[] m = matchWords(row.cells, new long[words]);
    int[] matched = new int[ruleCount];
    int n = 0;
    List<RuleMiss> misses = explain ? new ArrayList<>() : List.of();
    for (int r = 0; r < ruleCount; r++) {
      if ((m[r >>> 6] & (1L << r)) != 0) {
        matched[n++] = r;
      } else if (explain) {
        misses.add(miss(row.cells, r));
      }
    }
    return Outcomes.assemble(table, facts, defaults, matched, n, misses);
  }

  private RuleMiss miss(int[] cells, int r) {
    Rule rule = table.rules().get(r);
    for (int c = 0; c < cells.length; c++) {
      if ((masks[c][cells[c] * words + (r >>> 6)] & (1L << r)) == 0) {
        return new RuleMiss(rule, c, table.inputs().get(c).name(), rule.inputEntries().get(c));
      }
    }
    throw new IllegalStateException("rule " + rule.number() + " did not miss");
  }

  private InputRow fill(Map<String, ?> input) {
    InputRow row = newRow();
    for (int c = 0; c < columns.length; c++) {
      row.set(c, input.get(table.inputs().get(c).name()));
    }
    return row;
  }

  private void checkRow(InputRow row) {
    if (row.owner != this) {
      throw new IllegalArgumentException("the row was made by another compiled table");
    }
  }
}
