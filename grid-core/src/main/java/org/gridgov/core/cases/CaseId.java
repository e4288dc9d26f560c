package org.gridgov.core.cases;

/**
 * The identifier of a case: 1–128 printable characters without spaces.
 *
 * @param value the id
 */
public record CaseId(String value) implements Comparable<CaseId> {
  /**
   * Validates the id.
   *
   * @param value the id
   */
  public CaseId {
    if (value == null || value.isEmpty() || value.length() > 128) {
      throw new IllegalArgumentException("case id must have 1 to 128 characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) <= ' ') {
        throw new IllegalArgumentException(
            "case id '" + value + "' contains a space or control character");
      }
    }
  }

  /**
   * A case id.
   *
   * @param value the id
   * @return the id
   */
  public static CaseId of(String value) {
    return new CaseId(value);
  }

  @Override
  public int compareTo(CaseId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
