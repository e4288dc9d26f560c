package org.gridgov.scoring;

import java.util.Optional;
import org.gridgov.scoring.ScoringScheme.Citation;

/** Shared scheme pieces for tests. */
final class SchemeFixtures {
  static final Citation CITATION =
      new Citation("test", "GridGov tests", Optional.empty(), Optional.empty(), Optional.empty());

  private SchemeFixtures() {}

  /**
   * Reads a scheme from JSON text through {@link ScoringSchemes#read(java.io.InputStream, String)}.
   */
  static ScoringScheme parse(String json, String source) {
    return ScoringSchemes.read(
        new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        source);
  }

  /**
   * The canonical JSON text written by {@link ScoringSchemes#write(ScoringScheme,
   * java.io.OutputStream)}.
   */
  static String toJson(ScoringScheme scheme) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ScoringSchemes.write(scheme, out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
