package org.gridgov.rules.table;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Problems;

/** The structural validation of a decision table; throws on the first problem found. */
final class TableChecks {
  private TableChecks() {}

  /**
   * Checks a table's parts.
   *
   * @param id the id
   * @param name the name
   * @param hitPolicy the hit policy
   * @param aggregation the aggregation
   * @param inputs the inputs
   * @param outputs the outputs
   * @param rules the rules
   * @throws InvalidInputException naming the decision, rule and column of the problem
   */
  public static void check(
      String id,
      String name,
      HitPolicy hitPolicy,
      Aggregation aggregation,
      List<InputClause> inputs,
      List<OutputClause> outputs,
      List<Rule> rules) {
    String table = "decision " + Problems.quote(name);
    if (name.isBlank() || id.isBlank()) {
      throw fail(table, "a decision table needs a non-blank name and id");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      InputClause in = inputs.get(i);
      String where = table + ", input " + (i + 1) + " (" + Problems.quote(in.name()) + ")";
      if (!names.add(in.name())) {
        throw fail(where, "duplicate input name");
      }
      checkTests(in.allowedValues(), in.type(), where + " allowed values");
    }
    if (outputs.isEmpty()) {
      throw fail(table, "a decision table needs at least one output");
    }
    names.clear();
    int defaults = 0;
    for (int i = 0; i < outputs.size(); i++) {
      OutputClause out = outputs.get(i);
      String where = table + ", output " + (i + 1) + " (" + Problems.quote(out.name()) + ")";
      if (!names.add(out.name())) {
        throw fail(where, "duplicate output name");
      }
      checkTests(out.allowedValues(), out.type(), where + " allowed values");
      if (out.defaultValue().isPresent()) {
        defaults++;
        checkOutputValue(out, out.defaultValue().get(), where + " default");
      }
    }
    if (defaults != 0 && defaults != outputs.size()) {
      throw fail(table, "either every output has a default or none has");
    }
    checkPolicy(table, hitPolicy, aggregation, outputs);
    Set<String> ids = new HashSet<>();
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      String where = table + ", rule " + (r + 1);
      if (rule.index() != r) {
        throw fail(where, "rule index is " + rule.index() + " but the rule is at position " + r);
      }
      if (!ids.add(rule.id())) {
        throw fail(where, "duplicate rule id " + Problems.quote(rule.id()));
      }
      if (rule.inputEntries().size() != inputs.size()) {
        throw fail(
            where, rule.inputEntries().size() + " input entries for " + inputs.size() + " inputs");
      }
      if (rule.outputEntries().size() != outputs.size()) {
        throw fail(
            where,
            rule.outputEntries().size() + " output entries for " + outputs.size() + " outputs");
      }
      for (int c = 0; c < inputs.size(); c++) {
        InputClause in = inputs.get(c);
        checkTests(
            rule.inputEntries().get(c),
            in.type(),
            where + ", column " + (c + 1) + " (" + Problems.quote(in.name()) + ")");
      }
      for (int o = 0; o < outputs.size(); o++) {
        OutputClause out = outputs.get(o);
        checkOutputValue(
            out, rule.outputEntries().get(o), where + ", output " + Problems.quote(out.name()));
      }
    }
  }

  private static void checkPolicy(
      String table, HitPolicy hitPolicy, Aggregation aggregation, List<OutputClause> outputs) {
    if (aggregation != Aggregation.NONE) {
      if (hitPolicy != HitPolicy.COLLECT) {
        throw fail(table, "aggregation " + aggregation + " needs hit policy COLLECT");
      }
      if (outputs.size() != 1) {
        throw fail(table, "aggregation needs exactly one output (DMN 1.3 §8.2.11)");
      }
      ValueType t = outputs.get(0).type();
      if (aggregation == Aggregation.SUM && t != ValueType.NUMBER) {
        throw fail(table, "SUM needs a number output, not " + t.feelName());
      }
      if ((aggregation == Aggregation.MIN || aggregation == Aggregation.MAX) && !t.isOrdered()) {
        throw fail(table, aggregation + " needs an ordered output type, not " + t.feelName());
      }
    }
    if ((hitPolicy == HitPolicy.PRIORITY || hitPolicy == HitPolicy.OUTPUT_ORDER)
        && outputs.stream().allMatch(o -> o.allowedValues().isAny())) {
      throw fail(
          table, hitPolicy.dmnName() + " needs allowed output values: their order is the priority");
    }
  }

  private static void checkOutputValue(OutputClause out, Object value, String where) {
    if (value == null) {
      throw fail(where, "null outputs are not supported");
    }
    ValueType t = typeOrNull(value);
    if (t != out.type()) {
      throw fail(where, "value " + Values.describe(value) + " is not a " + out.type().feelName());
    }
    if (!out.allowedValues().matches(value)) {
      throw fail(
          where,
          "value "
              + Values.toFeel(value)
              + " is not among the allowed values "
              + out.allowedValues().text());
    }
  }

  /**
   * Checks that every literal of the tests has the column type and that order tests apply only to
   * ordered types.
   */
  private static void checkTests(UnaryTests tests, ValueType type, String where) {
    for (UnaryTest t : tests.tests()) {
      if (t instanceof UnaryTest.Compare c) {
        checkLiteral(c.value(), type, where);
        if (c.operator().isOrdering() && !type.isOrdered()) {
          throw fail(where, type.feelName() + " values have no order: " + c);
        }
      } else if (t instanceof UnaryTest.Range r) {
        checkLiteral(r.low(), type, where);
        checkLiteral(r.high(), type, where);
        if (!type.isOrdered()) {
          throw fail(where, type.feelName() + " values have no order: " + r);
        }
      }
    }
  }

  private static void checkLiteral(Object value, ValueType type, String where) {
    if (typeOrNull(value) != type) {
      throw fail(
          where, "expected a " + type.feelName() + " literal but found " + Values.describe(value));
    }
  }

  private static ValueType typeOrNull(Object value) {
    try {
      return Values.typeOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static InvalidInputException fail(String where, String reason) {
    return InvalidInputException.at("", where, reason);
  }
}
