package org.gridgov.rules.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A reusable, mutable holder of the input values of one evaluation of a {@link CompiledTable}: the
 * allocation-free path. Each setter locates the value's cell at once, so evaluation itself is a
 * handful of bitset ANDs. Unset inputs are {@code null}.
 *
 * <p>A value of the wrong type or outside the allowed values is remembered; {@link
 * CompiledTable#select} then answers {@link CompiledTable#INVALID_INPUT} ({@link
 * CompiledTable#evaluate(java.util.Map)} of the same values reports it as an error message naming
 * the input).
 *
 * <p>Not thread-safe: use one row per thread, or a new one per call: a row is one small object and
 * an {@code int} per input, plus bookkeeping allocated only when a value is rejected ({@link
 * CompiledTable#newRow()}).
 */
public final class InputRow {
  private static final byte OK = 0;
  private static final byte WRONG_TYPE = 1;
  private static final byte NOT_ALLOWED = 2;

  final CompiledTable owner;
  final int[] cells;
  int errors;
  private final ColumnIndex[] columns;
  private final int words;
  private long[] scratch;
  private byte[] status;
  private Object[] rejected;

  InputRow(CompiledTable owner, ColumnIndex[] columns, int[] nullCells, int words) {
    this.owner = owner;
    this.columns = columns;
    this.cells = nullCells.clone();
    this.words = words;
  }

  /** The scratch bitset of tables with more than 64 rules, made on first use. */
  long[] scratch() {
    long[] s = scratch;
    if (s == null) {
      s = new long[words];
      scratch = s;
    }
    return s;
  }

  /**
   * Sets every input to {@code null}.
   *
   * @return this row
   */
  public InputRow clear() {
    for (int c = 0; c < columns.length; c++) {
      cells[c] = columns[c].nullCell();
    }
    if (status != null) {
      java.util.Arrays.fill(status, OK);
      java.util.Arrays.fill(rejected, null);
    }
    errors = 0;
    return this;
  }

  /**
   * Sets an input by name (a hash lookup; prefer the slot setters in hot loops).
   *
   * @param name the input name
   * @param value the value (any type {@link DecisionInput} accepts) or {@code null}
   * @return this row
   * @throws IllegalArgumentException if the table has no such input
   */
  public InputRow set(String name, Object value) {
    return set(owner.slot(name), value);
  }

  /**
   * Sets an input.
   *
   * @param slot the input's slot, from {@link CompiledTable#slot(String)}
   * @param value the value (any type {@link DecisionInput} accepts) or {@code null}
   * @return this row
   */
  public InputRow set(int slot, Object value) {
    ColumnIndex col = columns[slot];
    if (value == null) {
      return place(slot, col.nullCell());
    }
    if (value instanceof String str && col.isCodedString()) {
      return setString(slot, str);
    }
    if (col.isNumber()) {
      if (value instanceof Double d) {
        return setNumber(slot, d.doubleValue());
      }
      if (value instanceof Integer || value instanceof Long) {
        return setNumber(slot, ((Number) value).longValue());
      }
    }
    Object v = Values.coerce(col.clause().type(), value);
    if (v == Values.INVALID) {
      return reject(slot, value, WRONG_TYPE);
    }
    int cell = col.locate(v);
    return col.isAllowed(cell) ? place(slot, cell) : reject(slot, v, NOT_ALLOWED);
  }

  /**
   * Sets a number input without boxing.
   *
   * @param slot the input's slot
   * @param value the value; NaN and infinities are rejected as invalid
   * @return this row
   */
  public InputRow setNumber(int slot, double value) {
    ColumnIndex col = columns[slot];
    if (!col.isNumber() || !Double.isFinite(value)) {
      return reject(slot, value, WRONG_TYPE);
    }
    int cell = col.locate(value);
    return col.isAllowed(cell)
        ? place(slot, cell)
        : reject(slot, BigDecimal.valueOf(value), NOT_ALLOWED);
  }

  /**
   * Sets a number input without boxing.
   *
   * @param slot the input's slot
   * @param value the value
   * @return this row
   */
  public InputRow setNumber(int slot, long value) {
    ColumnIndex col = columns[slot];
    if (!col.isNumber()) {
      return reject(slot, value, WRONG_TYPE);
    }
    int cell = col.locate(value);
    return col.isAllowed(cell)
        ? place(slot, cell)
        : reject(slot, BigDecimal.valueOf(value), NOT_ALLOWED);
  }

  /**
   * Sets a string input.
   *
   * @param slot the input's slot
   * @param value the value or {@code null}
   * @return this row
   */
  public InputRow setString(int slot, String value) {
    ColumnIndex col = columns[slot];
    if (value == null || !col.isCodedString()) {
      return set(slot, value);
    }
    int cell = col.locateString(value);
    return col.isAllowed(cell) ? place(slot, cell) : reject(slot, value, NOT_ALLOWED);
  }

  /**
   * Sets a boolean input without boxing.
   *
   * @param slot the input's slot
   * @param value the value
   * @return this row
   */
  public InputRow setBoolean(int slot, boolean value) {
    return set(slot, Boolean.valueOf(value));
  }

  /**
   * Sets an input to {@code null}.
   *
   * @param slot the input's slot
   * @return this row
   */
  public InputRow setNull(int slot) {
    return place(slot, columns[slot].nullCell());
  }

  private InputRow place(int slot, int cell) {
    if (errors > 0 && status[slot] != OK) {
      status[slot] = OK;
      rejected[slot] = null;
      errors--;
    }
    cells[slot] = cell;
    return this;
  }

  private InputRow reject(int slot, Object value, byte why) {
    if (status == null) {
      status = new byte[columns.length];
      rejected = new Object[columns.length];
    }
    if (status[slot] == OK) {
      errors++;
    }
    status[slot] = why;
    rejected[slot] = value;
    return this;
  }

  List<DecisionMessage> problems(DecisionTable table) {
    List<DecisionMessage> out = new ArrayList<>();
    for (int c = 0; status != null && c < columns.length; c++) {
      InputClause in = table.inputs().get(c);
      if (status[c] == WRONG_TYPE) {
        out.add(Interpreter.invalidInput(table, in, rejected[c]));
      } else if (status[c] == NOT_ALLOWED) {
        out.add(Interpreter.notAllowed(table, in, rejected[c]));
      }
    }
    return out;
  }
}
