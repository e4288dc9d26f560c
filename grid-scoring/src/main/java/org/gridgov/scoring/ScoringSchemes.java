package org.gridgov.scoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Severity;

/**
 * Reads ({@link #read(Path)}, {@link #read(InputStream, String)}), writes ({@link
 * #write(ScoringScheme, OutputStream)}), validates and ships {@link ScoringScheme}s. The JSON
 * format is described in {@code docs/scoring.md}; unknown fields, unknown indicators and duplicate
 * keys are errors, and every problem is reported with its JSON pointer.
 *
 * <p>Shipped schemes ({@link #builtIn(String)}), each citing its source:
 *
 * <ul>
 *   <li>{@code dongping-laohu}: response rate, handled volume, satisfaction and a raised
 *       reverse-evaluation weight (Dongping County, Laohu town; DOMAIN.md §6);
 *   <li>{@code tongcheng-2022}: closing and on-time rates with direct deductions per overdue case,
 *       yearly ranking (Tongcheng; DOMAIN.md §6);
 *   <li>{@code hotline-three-rates}: 12345 response / resolution / satisfaction, 10 / 50 / 40
 *       (Beijing practice; DOMAIN.md §7);
 *   <li>{@code gbt30428-department}, {@code gbt30428-region}, {@code gbt30428-inspector}, {@code
 *       gbt30428-intake}, {@code gbt30428-shift-lead}, {@code gbt30428-dispatcher}: the digital
 *       city-management formulas of the GB/T 30428.4 / CJ/T 292 lineage (DOMAIN.md §7);
 *   <li>{@code jinniu-department}: Chengdu Jinniu's handling formula (DOMAIN.md §7).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class ScoringSchemes {
  /** Ids of the shipped schemes, in the order listed above. */
  public static final List<String> BUILT_IN =
      List.of(
          "dongping-laohu",
          "tongcheng-2022",
          "hotline-three-rates",
          "gbt30428-department",
          "gbt30428-region",
          "gbt30428-inspector",
          "gbt30428-intake",
          "gbt30428-shift-lead",
          "gbt30428-dispatcher",
          "jinniu-department");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private ScoringSchemes() {}

  /**
   * Reads a scheme file, all or nothing.
   *
   * @param file the JSON file
   * @return the scheme
   * @throws InvalidSchemeException listing every problem, with file, JSON pointer and reason
   * @throws InvalidInputException when the file cannot be read
   */
  public static ScoringScheme read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException(
          file.toString(), 0, 0, "", "cannot read scheme: " + e.getMessage(), e);
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Reads a scheme from a stream of UTF-8 JSON, all or nothing. The stream is read to its end and
   * not closed.
   *
   * @param in the JSON
   * @param sourceName the name used in errors (a file name or URI), may be empty
   * @return the scheme
   * @throws InvalidSchemeException listing every problem, with source, JSON pointer and reason
   * @throws InvalidInputException when the stream cannot be read
   */
  public static ScoringScheme read(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new InvalidInputException(
          sourceName, 0, 0, "", "cannot read scheme: " + e.getMessage(), e);
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), sourceName);
  }

  /**
   * Writes a scheme's canonical JSON form (indented, UTF-8), which {@link #read(InputStream,
   * String)} reads back to an equal scheme. The stream is flushed, not closed.
   *
   * @param scheme the scheme
   * @param out where to write
   * @throws java.io.UncheckedIOException when the stream cannot be written
   */
  public static void write(ScoringScheme scheme, OutputStream out) {
    try {
      out.write(SchemeJson.write(scheme, MAPPER).getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write scheme " + scheme.id(), e);
    }
  }

  /**
   * Writes a scheme's canonical JSON form to a file, replacing it.
   *
   * @param scheme the scheme
   * @param file the file
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(ScoringScheme scheme, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(scheme, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write scheme " + scheme.id() + " to " + file, e);
    }
  }

  /**
   * Every finding for a scheme document, warnings and remarks included, without throwing.
   *
   * @param json the text
   * @return the findings; no {@link Severity#ERROR} means the scheme loads
   */
  public static List<SchemeFinding> validate(String json) {
    JsonNode root;
    try {
      root = tree(json, Optional.empty());
    } catch (InvalidSchemeException e) {
      return e.findings();
    }
    SchemeJson reader = new SchemeJson();
    Optional<ScoringScheme.Builder> b = reader.read(root);
    if (b.isEmpty()) {
      return reader.findings();
    }
    try {
      ScoringScheme s = b.get().build();
      return SchemeValidator.validate(
          s.id(),
          s.effectiveFrom(),
          s.effectiveTo(),
          s.additive(),
          s.components(),
          s.deductions(),
          s.deductionCap(),
          s.minScore(),
          s.maxScore(),
          s.grades());
    } catch (InvalidSchemeException e) {
      return e.findings();
    }
  }

  /** The compact canonical JSON of a scheme, UTF-8: the payload of the serial forms. */
  static byte[] canonicalBytes(ScoringScheme scheme) {
    try {
      return MAPPER.writeValueAsBytes(SchemeJson.tree(scheme, MAPPER));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode scheme " + scheme.id(), e);
    }
  }

  /**
   * Reads {@link #canonicalBytes} back.
   *
   * @throws InvalidObjectException when the bytes are not a valid scheme
   */
  static ScoringScheme fromCanonicalBytes(byte[] bytes) throws InvalidObjectException {
    if (bytes == null) {
      throw new InvalidObjectException("serial form without a scheme");
    }
    try {
      return parse(new String(bytes, StandardCharsets.UTF_8), "serialized scheme");
    } catch (InvalidSchemeException e) {
      InvalidObjectException x =
          new InvalidObjectException("invalid serialized scheme: " + e.getMessage());
      x.initCause(e);
      throw x;
    }
  }

  private static ScoringScheme parse(String json, String source) {
    Optional<String> src = source.isEmpty() ? Optional.empty() : Optional.of(source);
    JsonNode root = tree(json, src);
    SchemeJson reader = new SchemeJson();
    Optional<ScoringScheme.Builder> b = reader.read(root);
    if (b.isEmpty()) {
      throw new InvalidSchemeException(src, reader.findings());
    }
    try {
      return b.get().build();
    } catch (InvalidSchemeException e) {
      throw new InvalidSchemeException(src, e.findings());
    }
  }

  /**
   * A shipped scheme.
   *
   * @param id one of {@link #BUILT_IN}
   * @return the scheme
   * @throws IllegalArgumentException for an unknown id
   */
  public static ScoringScheme builtIn(String id) {
    if (!BUILT_IN.contains(id)) {
      throw new IllegalArgumentException(
          "no built-in scheme '" + id + "'; available: " + String.join(", ", BUILT_IN));
    }
    String resource = "schemes/" + id + ".json";
    try (InputStream in = ScoringSchemes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return read(in, "builtin:" + id);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + resource, e);
    }
  }

  /** Every shipped scheme, in {@link #BUILT_IN} order. */
  public static List<ScoringScheme> builtIns() {
    List<ScoringScheme> out = new ArrayList<>();
    for (String id : BUILT_IN) {
      out.add(builtIn(id));
    }
    return List.copyOf(out);
  }

  private static JsonNode tree(String json, Optional<String> src) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String msg = e.getOriginalMessage();
      return throwSyntax(src, msg, loc);
    }
  }

  private static JsonNode throwSyntax(Optional<String> src, String msg, JsonLocation loc) {
    int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
    int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
    throw new InvalidSchemeException(
        src, List.of(SchemeFinding.error("SYNTAX", "", "malformed JSON: " + msg)), line, col);
  }
}
