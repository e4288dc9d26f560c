package org.gridgov.rules.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.rules.table.internal.ColumnIndex;
import org.gridgov.rules.table.internal.Interpreter;
import org.gridgov.rules.table.internal.Values;

/**
 * A reusable, mutable holder of the input values of one evaluation of a {@link CompiledTable}: the
 * allocation-free path. Each setter locates the value's cell at once, so evaluation itself is a
 * handful of bitset ANDs. Unset inputs are {@code null}.
 *
 * <p>A value of the wrong type or outside the allowed values is remembered; {@link
 * CompiledTable#select} then answers {@link CompiledTable#INVALID_INPUT} and {@link
 * CompiledTable#evaluate(InputRow, boolean)} reports it as an error message naming the input.
 *
 * <p>Not thread-safe: use one row per thread (rows are cheap; {@link CompiledTable#newRow()}).
 */
public final class InputRow {
  private static final byte OK = 0;
  private static final byte WRONG_TYPE = 1;
  private static final byte NOT_ALLOWED = 2;

  final CompiledTable owner;
  final int[] cells;
  final long[] scratch;
  int errors;
  private final ColumnIndex[] columns;
  private final byte[] status;
  private final Object[] rejected;

  InputRow(CompiledTable owner, ColumnIndex[] columns, int words) {
    this.owner = owner;
    this.columns = columns;
    this.cells = new int[columns.length];
    this.scratch = new long[words];
    this.status = new byte[columns.length];
    this.rejected = new Object[columns.length];
    clear();
  }

  /**
   * Sets every input to {@code null}.
   *
   * @return this row
   */
  public InputRow clear() {
    for (int c = 0; c < columns.length; c++) {
      cells[c] = columns[c].nullCell();
      status[c] = OK;
      rejected[c] = null;
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
    if (status[slot] != OK) {
      status[slot] = OK;
      rejected[slot] = null;
      errors--;
    }
    cells[slot] = cell;
    return this;
  }

  private InputRow reject(int slot, Object value, byte why) {
    if (status[slot] == OK) {
      errors++;
    }
    status[slot] = why;
    rejected[slot] = value;
    return this;
  }

  List<DecisionMessage> problems(DecisionTable table) {
    List<DecisionMessage> out = new ArrayList<>();
    for (int c = 0; c < columns.length; c++) {
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
