package org.gridgov.core;

/**
 * The four parts of a 14-digit national unit-grid code (GB/T 30428.1 lineage): county (GB/T 2260),
 * street or town (GB/T 10114: 001–099 street, 100–199 town, 200–399 township), community, and grid
 * sequence. A community-level grid has sequence {@code 00}.
 *
 * @param county 6 digits
 * @param street 3 digits
 * @param community 3 digits
 * @param sequence 2 digits
 */
public record NationalGridCode(String county, String street, String community, String sequence) {
  /**
   * Validates the parts.
   *
   * @param county 6 digits
   * @param street 3 digits
   * @param community 3 digits
   * @param sequence 2 digits
   */
  public NationalGridCode {
    requireDigits("county", county, 6);
    requireDigits("street", street, 3);
    requireDigits("community", community, 3);
    requireDigits("sequence", sequence, 2);
  }

  static boolean matches(String s) {
    if (s.length() != 14) {
      return false;
    }
    for (int i = 0; i < 14; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static NationalGridCode parse(String s) {
    return new NationalGridCode(
        s.substring(0, 6), s.substring(6, 9), s.substring(9, 12), s.substring(12, 14));
  }

  /**
   * Whether this is the code of a community-level grid (sequence {@code 00}).
   *
   * @return true for a community-level code
   */
  public boolean isCommunityLevel() {
    return sequence.equals("00");
  }

  /**
   * The kind of the street/town part by its GB/T 10114 range.
   *
   * @return {@code street}, {@code town}, {@code township} or {@code other}
   */
  public String streetKind() {
    int n = Integer.parseInt(street);
    if (n >= 1 && n <= 99) {
      return "street";
    } else if (n >= 100 && n <= 199) {
      return "town";
    } else if (n >= 200 && n <= 399) {
      return "township";
    }
    return "other";
  }

  /**
   * The code as a grid id.
   *
   * @return the 14-digit id
   */
  public GridId toGridId() {
    return new GridId(county + street + community + sequence);
  }

  private static void requireDigits(String part, String s, int n) {
    if (s == null || s.length() != n || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(
          "national grid code " + part + " must be " + n + " digits, got '" + s + "'");
    }
  }
}
