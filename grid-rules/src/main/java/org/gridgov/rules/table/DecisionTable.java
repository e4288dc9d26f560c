package org.gridgov.rules.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Problems;

/**
 * A decision table (决策表, DMN 1.3 §8): typed input and output columns, rules, a {@link HitPolicy}
 * and, for {@link HitPolicy#COLLECT}, an {@link Aggregation}. Immutable and validated: every
 * literal has its column's type, output entries and defaults lie within the allowed values, and the
 * hit policy and aggregation fit the outputs; a malformed table throws an {@link
 * InvalidInputException} naming the decision, rule number and column.
 *
 * <p>Evaluate by {@link #compile()} once and {@link CompiledTable#evaluate(Map) evaluating} the
 * {@link CompiledTable} (its {@link EvaluateOptions#reference()} option runs the straightforward
 * interpreter, the reference semantics). Check the rules statically with {@link TableVerifier}.
 *
 * @param id the table id (DMN decision id); defaults to the name
 * @param name the decision name
 * @param hitPolicy the hit policy
 * @param aggregation the aggregation, {@link Aggregation#NONE} unless the policy is COLLECT
 * @param inputs the input columns
 * @param outputs the output columns, at least one
 * @param rules the rules, in order; {@link Rule#index()} is the position
 */
public record DecisionTable(
    String id,
    String name,
    HitPolicy hitPolicy,
    Aggregation aggregation,
    List<InputClause> inputs,
    List<OutputClause> outputs,
    List<Rule> rules) {
  /**
   * Validates and copies the table.
   *
   * @param id the id
   * @param name the name
   * @param hitPolicy the hit policy
   * @param aggregation the aggregation
   * @param inputs the inputs
   * @param outputs the outputs
   * @param rules the rules
   * @throws InvalidInputException naming the rule and column of the first problem
   */
  public DecisionTable {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hitPolicy, "hitPolicy");
    Objects.requireNonNull(aggregation, "aggregation");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    rules = List.copyOf(rules);
    TableChecks.check(id, name, hitPolicy, aggregation, inputs, outputs, rules);
  }

  /**
   * Starts building a table.
   *
   * @param name the decision name (also the id unless {@link Builder#id} is set)
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The position of an input column.
   *
   * @param inputName the input name
   * @return the 0-based column, or -1 if there is no such input
   */
  public int inputIndex(String inputName) {
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).name().equals(inputName)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the table has a default output (used when no rule matches).
   *
   * @return whether the outputs have defaults
   */
  public boolean hasDefaults() {
    return outputs.get(0).defaultValue().isPresent();
  }

  /**
   * Compiles the table to its fast, thread-safe form. Compile once and share the result.
   *
   * @return the compiled table
   */
  public CompiledTable compile() {
    return new CompiledTable(this);
  }

  /**
   * Builds a {@link DecisionTable} from FEEL text entries. Not thread-safe.
   *
   * <pre>{@code
   * DecisionTable t = DecisionTable.builder("tier")
   *     .hitPolicy(HitPolicy.FIRST)
   *     .input("severity", ValueType.NUMBER, "[1..5]")
   *     .output(OutputClause.of("tier", ValueType.STRING))
   *     .rule(List.of(">= 4"), List.of("district"))
   *     .rule(List.of("-"), List.of("grid"))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final String name;
    private String id;
    private HitPolicy hitPolicy = HitPolicy.UNIQUE;
    private Aggregation aggregation = Aggregation.NONE;
    private final List<InputClause> inputs = new ArrayList<>();
    private final List<String[]> inputTexts = new ArrayList<>();
    private final List<OutputClause> outputs = new ArrayList<>();
    private final List<RuleText> rules = new ArrayList<>();

    private record RuleText(String id, List<String> when, List<?> then, String annotation) {}

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Sets the id (default: the name).
     *
     * @param tableId the id
     * @return this builder
     */
    public Builder id(String tableId) {
      this.id = Objects.requireNonNull(tableId, "id");
      return this;
    }

    /**
     * Sets the hit policy (default {@link HitPolicy#UNIQUE}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder hitPolicy(HitPolicy policy) {
      this.hitPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the aggregation of a COLLECT table (default {@link Aggregation#NONE}).
     *
     * @param agg the aggregation
     * @return this builder
     */
    public Builder aggregation(Aggregation agg) {
      this.aggregation = Objects.requireNonNull(agg, "aggregation");
      return this;
    }

    /**
     * Adds an unconstrained input column.
     *
     * @param inputName the input name
     * @param type the type
     * @return this builder
     */
    public Builder input(String inputName, ValueType type) {
      return input(InputClause.of(inputName, type));
    }

    /**
     * Adds an input column with allowed values written as FEEL unary tests, such as {@code
     * "grid","street"} or {@code [0..100]}.
     *
     * @param inputName the input name
     * @param type the type
     * @param allowedValues the allowed values
     * @return this builder
     */
    public Builder input(String inputName, ValueType type, String allowedValues) {
      inputs.add(InputClause.of(inputName, type));
      inputTexts.add(new String[] {allowedValues});
      return this;
    }

    /**
     * Adds an input column.
     *
     * @param clause the clause
     * @return this builder
     */
    public Builder input(InputClause clause) {
      inputs.add(Objects.requireNonNull(clause, "clause"));
      inputTexts.add(null);
      return this;
    }

    /**
     * Adds an output column.
     *
     * @param clause the clause
     * @return this builder
     */
    public Builder output(OutputClause clause) {
      outputs.add(Objects.requireNonNull(clause, "clause"));
      return this;
    }

    /**
     * Adds a rule with the id {@code r<number>} and no annotation.
     *
     * @param when one FEEL unary-tests text per input column
     * @param then one value per output column, converted to the column's canonical type (an {@code
     *     Integer} becomes a {@code BigDecimal}, a {@code String} stays a string)
     * @return this builder
     */
    public Builder rule(List<String> when, List<?> then) {
      return rule("r" + (rules.size() + 1), when, then, "");
    }

    /**
     * Adds a rule.
     *
     * @param ruleId the rule id
     * @param when one FEEL unary-tests text per input column
     * @param then one value per output column
     * @param annotation a note, may be empty
     * @return this builder
     */
    public Builder rule(String ruleId, List<String> when, List<?> then, String annotation) {
      rules.add(new RuleText(ruleId, List.copyOf(when), List.copyOf(then), annotation));
      return this;
    }

    /**
     * Parses the entries and builds the table.
     *
     * @return the table
     * @throws InvalidInputException naming the rule and column of the first problem
     */
    public DecisionTable build() {
      String tableId = id == null ? name : id;
      List<InputClause> ins = new ArrayList<>(inputs.size());
      for (int i = 0; i < inputs.size(); i++) {
        InputClause c = inputs.get(i);
        String[] text = inputTexts.get(i);
        if (text != null) {
          UnaryTests allowed =
              parse(text[0], c.type(), "input " + Problems.quote(c.name()) + " allowed values");
          c = new InputClause(c.name(), c.type(), allowed);
        }
        ins.add(c);
      }
      List<Rule> built = new ArrayList<>(rules.size());
      for (int r = 0; r < rules.size(); r++) {
        RuleText t = rules.get(r);
        String where = "decision " + Problems.quote(name) + ", rule " + (r + 1);
        if (t.when().size() != ins.size()) {
          throw InvalidInputException.at(
              "", where, t.when().size() + " input entries for " + ins.size() + " inputs");
        }
        if (t.then().size() != outputs.size()) {
          throw InvalidInputException.at(
              "", where, t.then().size() + " output entries for " + outputs.size() + " outputs");
        }
        List<UnaryTests> when = new ArrayList<>(ins.size());
        for (int c = 0; c < ins.size(); c++) {
          InputClause in = ins.get(c);
          when.add(
              parse(
                  t.when().get(c),
                  in.type(),
                  where + ", column " + (c + 1) + " (" + Problems.quote(in.name()) + ")"));
        }
        List<Object> then = new ArrayList<>(outputs.size());
        for (int o = 0; o < outputs.size(); o++) {
          OutputClause out = outputs.get(o);
          Object v = t.then().get(o);
          Object c = v == null ? Values.INVALID : Values.coerce(out.type(), v);
          if (c instanceof java.math.BigDecimal b) {
            c = Values.normalize(b);
          }
          if (c == Values.INVALID) {
            throw InvalidInputException.at(
                "",
                where + ", output " + Problems.quote(out.name()),
                "value " + Values.describe(v) + " is not a " + out.type().feelName());
          }
          then.add(c);
        }
        built.add(new Rule(t.id(), r, when, then, t.annotation()));
      }
      return new DecisionTable(tableId, name, hitPolicy, aggregation, ins, outputs, built);
    }

    private static UnaryTests parse(String text, ValueType type, String where) {
      try {
        return FeelParser.parseUnaryTests(text, type, false);
      } catch (FeelSyntaxException e) {
        throw new InvalidInputException("", 0, e.at(), where, e.reason(), null);
      }
    }
  }

  /**
   * Looks up an output column by name.
   *
   * @param outputName the output name
   * @return the clause, if any
   */
  public Optional<OutputClause> output(String outputName) {
    return outputs.stream().filter(o -> o.name().equals(outputName)).findFirst();
  }
}
