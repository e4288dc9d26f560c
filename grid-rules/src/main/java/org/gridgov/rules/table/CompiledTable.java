package org.gridgov.rules.table;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.io.Problems;

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
 *   <li>{@link #evaluate(Map)}, or {@link #evaluate(Map, EvaluateOptions)} with {@link
 *       EvaluateOptions#explain()}: a full {@link DecisionResult}, the ordinary path;
 *   <li>the expert path, allocation-free, for hot loops: fill a reusable {@link InputRow} (from
 *       {@link #newRow()}, one per thread or per call) with the slot setters ({@link
 *       #slot(String)}, {@link InputRow#setString}, {@link InputRow#setNumber}), call {@link
 *       #select(InputRow)} (single-hit policies) or {@link #match(InputRow, int[])}, then read
 *       outputs with {@link #output(int, int)}. It answers exactly as {@code evaluate} does; on
 *       {@link #INVALID_INPUT} or {@link #CONFLICT}, call {@code evaluate} for the messages that
 *       say why.
 * </ul>
 *
 * <p>Serializable: the serial form is the table in its compact JSON text with a format version,
 * recompiled when read (see docs/DESIGN.md, "Rules front door").
 *
 * <p>Immutable and thread-safe; {@link InputRow}s are not, use one per thread.
 */
public final class CompiledTable implements Serializable {
  private static final long serialVersionUID = 1L;

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
  private final int[] nullCells;

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
      for (int r = 0; r < ruleCount; r++) {
        // the cells of the entry's runs, not every entry on every cell (quadratic in a long list)
        int[] runs = col.matchingRuns(entries.get(r));
        int word = r >>> 6;
        long bit = 1L << r;
        for (int i = 0; i < runs.length; i += 2) {
          for (int cell = runs[i]; cell < runs[i + 1]; cell++) {
            if (!col.isEmpty(cell)) {
              m[cell * words + word] |= bit;
            }
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
    this.nullCells = new int[columns.length];
    for (int c = 0; c < columns.length; c++) {
      nullCells[c] = columns[c].nullCell();
    }
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
          "decision "
              + Problems.quote(table.name())
              + " has no input "
              + Problems.quote(inputName));
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
    return new InputRow(this, columns, nullCells, words);
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
    long[] m = matchWords(cells, row.scratch());
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
    long[] m = matchWords(row.cells, row.scratch());
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
   * Evaluates the table: a full {@link DecisionResult} without the explanation ({@link
   * DecisionResult#misses()} is empty). Problems with the input (a value of the wrong type or
   * outside the allowed values) and hit-policy violations are error {@linkplain
   * DecisionResult#messages() messages} of the result, not exceptions.
   *
   * @param input the input values by input name; a missing name is {@code null}; see {@link
   *     DecisionInput} for the accepted Java types ({@link DecisionInput#asMap()} gives the map of
   *     a {@code DecisionInput})
   * @return the result
   */
  public DecisionResult evaluate(Map<String, ?> input) {
    return evaluate(input, EvaluateOptions.defaults());
  }

  /**
   * Evaluates the table as the options say: {@link EvaluateOptions#explain()} adds, for each rule
   * that did not match, the first input entry that failed; {@link EvaluateOptions#reference()}
   * evaluates with the straightforward reference interpreter (same result, with the explanation);
   * {@link EvaluateOptions#withStrictInputs()} makes a name that is not an input, and an input that
   * is not in the map, error messages of the result.
   *
   * @param input the input values by input name
   * @param options the evaluation options
   * @return the result
   */
  public DecisionResult evaluate(Map<String, ?> input, EvaluateOptions options) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(options, "options");
    if (options.strictInputs()) {
      List<DecisionMessage> names = Interpreter.checkNames(table, input);
      if (!names.isEmpty()) {
        List<DecisionMessage> all = new ArrayList<>(names);
        all.addAll(fill(input).problems(table));
        return Outcomes.rejected(table, all);
      }
    }
    if (options.interprets()) {
      return Interpreter.evaluate(table, input::get);
    }
    InputRow row = fill(input);
    if (row.errors > 0) {
      return Outcomes.rejected(table, row.problems(table));
    }
    boolean explain = options.explains();
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

  @Serial
  private Object writeReplace() {
    return new SerialForm(table);
  }

  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a CompiledTable is read through its serial form");
  }

  /**
   * The serial form of a {@link CompiledTable}: a format version and the table as compact JSON
   * (docs/decision-tables.md), compiled again when read. Compiling is fast (well under a
   * millisecond for the shipped tables), so shipping the compiled index would only make the form
   * larger and tie it to the engine's internals.
   */
  static final class SerialForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    /** The serial format version. */
    private final int version;

    /** The table in compact UTF-8 JSON. */
    private final byte[] json;

    SerialForm(DecisionTable table) {
      this.version = VERSION;
      this.json = JsonTables.compact(table);
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
      return SerialForm.table(version, json).compile();
    }

    static DecisionTable table(int version, byte[] json) throws InvalidObjectException {
      if (version != VERSION) {
        throw new InvalidObjectException(
            "unsupported serial version "
                + version
                + " of a decision table; this reads "
                + VERSION);
      }
      try {
        return JsonTables.read(json, "serial form");
      } catch (org.gridgov.core.InvalidInputException e) {
        InvalidObjectException x = new InvalidObjectException("corrupt decision table: " + e);
        x.initCause(e);
        throw x;
      }
    }
  }
}
