package org.gridgov.core;

import java.util.Optional;

/**
 * The identifier of a grid: either a national unit-grid code or a free-form id of another scheme.
 *
 * <p>National unit-grid codes (GB/T 30428.1 lineage, see docs/domain.md §7) have 14 digits: a
 * 6-digit county code (GB/T 2260), a 3-digit street/town code (GB/T 10114), a 3-digit community
 * code and a 2-digit grid sequence; {@link #nationalCode()} splits them. Free-form ids are 1 to 64
 * characters from {@code [A-Za-z0-9._:-]}, which keeps them safe in paths, CSV cells and file
 * names.
 *
 * <p>Immutable; ordered by the id string, which is the canonical order everywhere in GridGov.
 *
 * @param value the id as written
 */
public record GridId(String value) implements Comparable<GridId> {
  /** Longest accepted id. */
  public static final int MAX_LENGTH = 64;

  /**
   * Validates an id.
   *
   * @param value the id
   * @throws IllegalArgumentException when the id is empty, too long or has other characters
   */
  public GridId {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("grid id is empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "grid id longer than " + MAX_LENGTH + " characters: " + value.substring(0, 20) + "…");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == ':'
              || c == '-';
      if (!ok) {
        throw new IllegalArgumentException(
            "grid id '"
                + value
                + "' has character '"
                + c
                + "' at "
                + i
                + "; allowed: A-Z a-z 0-9 . _ : -");
      }
    }
  }

  /**
   * Parses an id.
   *
   * @param value the id
   * @return the id
   * @throws IllegalArgumentException when the id is not valid
   */
  public static GridId of(String value) {
    return new GridId(value);
  }

  /**
   * Builds a national unit-grid code from its parts.
   *
   * @param county 6-digit county code
   * @param street 3-digit street/town code
   * @param community 3-digit community code
   * @param sequence 2-digit grid sequence ({@code 00} for the community-level grid)
   * @return the 14-digit id
   */
  public static GridId national(String county, String street, String community, String sequence) {
    return new NationalGridCode(county, street, community, sequence).toGridId();
  }

  /**
   * Whether this id has the 14-digit national unit-grid code shape.
   *
   * @return true for a national code
   */
  public boolean isNationalCode() {
    return NationalGridCode.matches(value);
  }

  /**
   * The parts of a national unit-grid code.
   *
   * @return the parts, or empty for a free-form id
   */
  public Optional<NationalGridCode> nationalCode() {
    return isNationalCode() ? Optional.of(NationalGridCode.parse(value)) : Optional.empty();
  }

  @Override
  public int compareTo(GridId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
