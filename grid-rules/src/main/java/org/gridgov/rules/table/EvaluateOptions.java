package org.gridgov.rules.table;

/**
 * How {@link CompiledTable#evaluate(java.util.Map, EvaluateOptions)} evaluates: with or without the
 * explanation ({@link DecisionResult#misses()}), by the compiled index or the reference
 * interpreter, and whether the input names are checked ({@link #withStrictInputs()}). Immutable;
 * the three basic values are constants:
 *
 * <ul>
 *   <li>{@link #defaults()}: the compiled index, no explanation (what {@link
 *       CompiledTable#evaluate(java.util.Map)} does);
 *   <li>{@link #explain()}: the compiled index, and for each rule that did not match the first
 *       input entry that failed;
 *   <li>{@link #reference()}: the straightforward interpreter, which tests every entry of every
 *       rule in turn and always explains: the reference semantics the compiled index agrees with,
 *       for cross-checks and as a benchmark baseline.
 * </ul>
 *
 * <p>By default the input map is read as DMN reads a context: a name the table does not have is
 * ignored and a missing input is {@code null} (a rule whose entry for it is {@code -} still
 * matches). {@link #withStrictInputs()} turns both into error messages of the result ({@link
 * DecisionMessage.Kind#UNKNOWN_INPUT} with the closest input name, {@link
 * DecisionMessage.Kind#MISSING_INPUT}), for input typed by people, where a misspelled name would
 * otherwise decide on a {@code null}: {@code gridgov decide} evaluates this way.
 */
public final class EvaluateOptions {
  private static final EvaluateOptions DEFAULTS = new EvaluateOptions(false, false, false);
  private static final EvaluateOptions EXPLAIN = new EvaluateOptions(true, false, false);
  private static final EvaluateOptions REFERENCE = new EvaluateOptions(true, true, false);
  private static final EvaluateOptions STRICT_DEFAULTS = new EvaluateOptions(false, false, true);
  private static final EvaluateOptions STRICT_EXPLAIN = new EvaluateOptions(true, false, true);
  private static final EvaluateOptions STRICT_REFERENCE = new EvaluateOptions(true, true, true);

  private final boolean explain;
  private final boolean reference;
  private final boolean strict;

  private EvaluateOptions(boolean explain, boolean reference, boolean strict) {
    this.explain = explain;
    this.reference = reference;
    this.strict = strict;
  }

  /**
   * Evaluation by the compiled index, without explanation.
   *
   * @return the options
   */
  public static EvaluateOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Evaluation by the compiled index, with the explanation.
   *
   * @return the options
   */
  public static EvaluateOptions explain() {
    return EXPLAIN;
  }

  /**
   * Evaluation by the reference interpreter, with the explanation.
   *
   * @return the options
   */
  public static EvaluateOptions reference() {
    return REFERENCE;
  }

  /**
   * Whether the result carries the explanation.
   *
   * @return whether {@link DecisionResult#misses()} is filled
   */
  public boolean explains() {
    return explain;
  }

  /**
   * Whether the reference interpreter evaluates instead of the compiled index.
   *
   * @return whether interpreted
   */
  public boolean interprets() {
    return reference;
  }

  /**
   * These options with the input names checked: every key of the input map must name an input of
   * the table (else an {@link DecisionMessage.Kind#UNKNOWN_INPUT} error, with "did you mean" the
   * closest input name), and every input of the table must be a key of the map (else a {@link
   * DecisionMessage.Kind#MISSING_INPUT} error; a key mapped to {@code null} is present and means
   * "unknown", as in DMN). With such errors the result has no value and no rule matched; the values
   * of the inputs that are present are still checked, so one evaluation reports every problem of
   * the input.
   *
   * @return the strict options (the same object when these are strict already)
   */
  public EvaluateOptions withStrictInputs() {
    return reference ? STRICT_REFERENCE : explain ? STRICT_EXPLAIN : STRICT_DEFAULTS;
  }

  /**
   * Whether the input names are checked ({@link #withStrictInputs()}).
   *
   * @return whether unknown and missing input names are errors
   */
  public boolean strictInputs() {
    return strict;
  }

  @Override
  public String toString() {
    String base =
        reference
            ? "EvaluateOptions.reference()"
            : explain ? "EvaluateOptions.explain()" : "EvaluateOptions.defaults()";
    return strict ? base + ".withStrictInputs()" : base;
  }
}
