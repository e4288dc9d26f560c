package org.gridgov.rules.table;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test shortcuts over the front door and the package-private reference interpreter. */
public final class Tables {
  private Tables() {}

  /** The reference interpreter, directly (what {@link EvaluateOptions#reference()} runs). */
  public static DecisionResult interpret(DecisionTable t, Map<String, ?> in) {
    return Interpreter.evaluate(t, in::get);
  }

  /** The reference interpreter on a {@link DecisionInput}. */
  public static DecisionResult interpret(DecisionTable t, DecisionInput in) {
    return interpret(t, in.asMap());
  }

  /** The compiled table with the explanation. */
  public static DecisionResult explain(CompiledTable c, Map<String, ?> in) {
    return c.evaluate(in, EvaluateOptions.explain());
  }

  /** The compiled table with the explanation, on a {@link DecisionInput}. */
  public static DecisionResult explain(CompiledTable c, DecisionInput in) {
    return explain(c, in.asMap());
  }

  /** Reads a JSON table from text through the front door. */
  public static DecisionTable readJson(String json, String sourceName) {
    return DecisionTables.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        sourceName,
        ReadOptions.defaults().withFormat(ReadOptions.Format.JSON));
  }
}
