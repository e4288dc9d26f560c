package org.gridgov.core.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InvalidInputException;

/**
 * The header row of a CSV file, checked against the columns a format allows: names are trimmed and
 * matched exactly; an unknown column gets a "did you mean", a missing required column and a
 * repeated column are errors. Then fields are looked up by column name. Immutable.
 */
public final class CsvHeader {
  private final List<String> names;
  private final Map<String, Integer> index;

  private CsvHeader(List<String> names) {
    this.names = List.copyOf(names);
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), i);
    }
    this.index = Map.copyOf(m);
  }

  /**
   * Checks a header row.
   *
   * @param row the first record
   * @param required the columns that must be present
   * @param optional the columns that may be present
   * @return the header
   * @throws InvalidInputException at the header's line for an unknown, missing or repeated column
   */
  public static CsvHeader read(
      CsvRow row, Collection<String> required, Collection<String> optional) {
    Set<String> allowed = new LinkedHashSet<>(required);
    allowed.addAll(optional);
    List<String> names = new ArrayList<>();
    for (String f : row.fields()) {
      String n = f.strip();
      if (!allowed.contains(n)) {
        throw row.error("unknown column " + Problems.quote(n) + Suggestions.hint(n, allowed));
      }
      if (names.contains(n)) {
        throw row.error("column " + Problems.quote(n) + " appears twice");
      }
      names.add(n);
    }
    for (String r : required) {
      if (!names.contains(r)) {
        throw row.error("the required column '" + r + "' is missing; the header is " + names);
      }
    }
    return new CsvHeader(names);
  }

  /**
   * The column names in file order.
   *
   * @return the names
   */
  public List<String> names() {
    return names;
  }

  /**
   * Whether the file has a column.
   *
   * @param column the name
   * @return true when present
   */
  public boolean has(String column) {
    return index.containsKey(column);
  }

  /**
   * Checks that a record has as many fields as the header.
   *
   * @param row the record
   * @throws InvalidInputException when it has more or fewer
   */
  public void checkWidth(CsvRow row) {
    if (row.size() != names.size()) {
      throw row.error("the record has " + row.size() + " fields; the header has " + names.size());
    }
  }

  /**
   * A field by column name.
   *
   * @param row the record
   * @param column the column
   * @return the field, empty when the file has no such column or the field is blank
   */
  public Optional<String> get(CsvRow row, String column) {
    Integer i = index.get(column);
    if (i == null) {
      return Optional.empty();
    }
    String v = row.get(i);
    return v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  /**
   * A field that must not be blank.
   *
   * @param row the record
   * @param column the column
   * @return the field
   * @throws InvalidInputException at the record's line when blank or absent
   */
  public String require(CsvRow row, String column) {
    return get(row, column).orElseThrow(() -> row.error(column, "the field is empty"));
  }
}
