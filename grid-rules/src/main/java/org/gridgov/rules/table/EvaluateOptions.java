package org.gridgov.rules.table;

/**
 * How {@link CompiledTable#evaluate(java.util.Map, EvaluateOptions)} evaluates: with or without the
 * explanation ({@link DecisionResult#misses()}), and by the compiled index or the reference
 * interpreter. Immutable; the three useful values are constants:
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
 */
public final class EvaluateOptions {
  private static final EvaluateOptions DEFAULTS = new EvaluateOptions(false, false);
  private static final EvaluateOptions EXPLAIN = new EvaluateOptions(true, false);
  private static final EvaluateOptions REFERENCE = new EvaluateOptions(true, true);

  private final boolean explain;
  private final boolean reference;

  private EvaluateOptions(boolean explain, boolean reference) {
    this.explain = explain;
    this.reference = reference;
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

  @Override
  public String toString() {
    return reference
        ? "EvaluateOptions.reference()"
        : explain ? "EvaluateOptions.explain()" : "EvaluateOptions.defaults()";
  }
}
