package org.gridgov.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.gridgov.core.InvalidInputException;
import org.gridgov.rules.table.DecisionInput;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.ValueType;

/**
 * The JSON conversions of the decision-table commands (moved out of the library API): a JSON object
 * of input values to a {@link DecisionInput} typed by the table, and result values to JSON.
 */
final class TableJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The largest decimal exponent of a number input, either way: {@code 1e309} (beyond a double) is
   * decided exactly, {@code 1e99999} is refused rather than expanded to a hundred thousand digits.
   */
  static final int MAX_EXPONENT = 1000;

  private TableJson() {}

  /**
   * Converts a JSON object of input values (keys are input names) to a {@link DecisionInput},
   * typing each value by the table's input clause: JSON strings, numbers and booleans, ISO text
   * ({@code "2026-01-01"}, {@code "PT4H"}) for temporal inputs. A value that does not convert is
   * kept as is, so evaluation reports it as an error naming the input; unknown keys are kept too
   * (strict evaluation reports them, with the closest input name). Numbers are exact decimals
   * (never rounded to a double); one whose exponent is beyond {@value #MAX_EXPONENT} either way is
   * refused.
   *
   * @param t the table
   * @param obj the JSON object
   * @return the input
   * @throws InvalidInputException if {@code obj} is not a JSON object, or a number input is out of
   *     range
   */
  static DecisionInput input(DecisionTable t, JsonNode obj) {
    if (obj == null || !obj.isObject()) {
      throw InvalidInputException.at("", "/", "expected an object of input values");
    }
    DecisionInput.Builder b = DecisionInput.builder();
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      JsonNode v = e.getValue();
      int c = t.inputIndex(e.getKey());
      if (v.isNull()) {
        b.put(e.getKey(), null);
        continue;
      }
      Object typed = c < 0 ? null : typed(e.getKey(), v, t.inputs().get(c).type());
      b.put(e.getKey(), typed != null ? typed : raw(v));
    }
    return b.build();
  }

  private static Object typed(String name, JsonNode v, ValueType type) {
    switch (type) {
      case STRING:
        return v.isTextual() ? v.textValue() : null;
      case NUMBER:
        if (!v.isNumber()) {
          return null;
        }
        BigDecimal b = v.decimalValue(); // exact: the reader keeps every decimal digit
        long exponent = (long) b.precision() - b.scale() - 1;
        if (b.signum() != 0 && Math.abs(exponent) > MAX_EXPONENT) {
          throw InvalidInputException.at(
              "",
              "/" + name,
              "input '"
                  + name
                  + "': number "
                  + b
                  + " is out of range (numbers are exact decimals of magnitude 1e-"
                  + MAX_EXPONENT
                  + " to 1e"
                  + MAX_EXPONENT
                  + ")");
        }
        // scientific text: never a plain string as long as the exponent
        return ValueType.NUMBER.fromText(b.toString()).orElse(null);
      case BOOLEAN:
        return v.isBoolean() ? v.booleanValue() : null;
      default:
        return v.isTextual() ? type.fromText(v.textValue()).orElse(null) : null;
    }
  }

  private static Object raw(JsonNode v) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return v; // an object or array: no table type accepts it, so evaluation reports it
  }

  /**
   * Converts a result value, an output value or an output map to JSON: numbers exactly, temporal
   * values as ISO text, maps as objects, lists as arrays.
   *
   * @param value the value, may be {@code null} (JSON null)
   * @return the JSON value
   */
  static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof BigDecimal b) {
      return DecimalNode.valueOf(b); // exactly as given, trailing zeros included
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof LocalDateTime t) {
      return NODES.textNode(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t));
    }
    if (value instanceof LocalDate || value instanceof Duration) {
      return NODES.textNode(value.toString());
    }
    if (value instanceof Map<?, ?> m) {
      ObjectNode o = NODES.objectNode();
      m.forEach((k, v) -> o.set(String.valueOf(k), value(v)));
      return o;
    }
    if (value instanceof List<?> l) {
      ArrayNode a = NODES.arrayNode();
      l.forEach(v -> a.add(value(v)));
      return a;
    }
    throw new IllegalArgumentException("not a table value: " + value.getClass().getName());
  }
}
