package org.gridgov.geo.internal.geojson;

/** Builds RFC 6901 JSON pointers. Stateless. */
public final class JsonPointers {
  private JsonPointers() {}

  /**
   * Appends one reference token, escaping {@code ~} and {@code /} as RFC 6901 §3 requires.
   *
   * @param base the pointer so far, {@code ""} for the whole document
   * @param token a member name
   * @return {@code base + "/" + escaped token}
   */
  public static String append(String base, String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return base + "/" + token;
    }
    return base + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Appends an array index.
   *
   * @param base the pointer so far
   * @param index the index
   * @return {@code base + "/" + index}
   */
  public static String append(String base, int index) {
    return base + "/" + index;
  }
}
