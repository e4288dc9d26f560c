package org.gridgov.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Findings;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Severity;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonDocument;
import org.gridgov.core.io.Problems;

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
 *       reverse-evaluation weight (Dongping County, Laohu town; docs/domain.md §6);
 *   <li>{@code tongcheng-2022}: closing and on-time rates with direct deductions per overdue case,
 *       yearly ranking (Tongcheng; docs/domain.md §6);
 *   <li>{@code hotline-three-rates}: 12345 response / resolution / satisfaction, 10 / 50 / 40
 *       (Beijing practice; docs/domain.md §7);
 *   <li>{@code gbt30428-department}, {@code gbt30428-region}, {@code gbt30428-inspector}, {@code
 *       gbt30428-intake}, {@code gbt30428-shift-lead}, {@code gbt30428-dispatcher}: the digital
 *       city-management formulas of the GB/T 30428.4 / CJ/T 292 lineage (docs/domain.md §7);
 *   <li>{@code jinniu-department}: Chengdu Jinniu's handling formula (docs/domain.md §7).
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
    Objects.requireNonNull(file, "file");
    return build(parse(() -> Json.parse(file), file.toString()));
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
    return build(parse(() -> Json.parse(in, sourceName), sourceName));
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
      out.write(SchemeJson.write(scheme).getBytes(StandardCharsets.UTF_8));
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
    AtomicFiles.write(file, out -> write(scheme, out));
  }

  /**
   * Every finding for a scheme document, warnings and remarks included, without throwing. The
   * findings carry the JSON pointer and, for problems in the document's structure, its line and
   * column; {@link #check(String)} gives the same findings as a {@link Findings} container.
   *
   * @param json the text
   * @return the findings; no {@link Severity#ERROR} means the scheme loads
   */
  public static List<SchemeFinding> validate(String json) {
    Objects.requireNonNull(json, "json");
    Checked c = parse(() -> Json.parse(json.getBytes(StandardCharsets.UTF_8), ""), "");
    if (c.builder().isEmpty()) {
      return c.findings();
    }
    try {
      ScoringScheme s = c.builder().get().build();
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

  /**
   * Every finding for a scheme document as a {@link Findings} container ({@link
   * Findings#hasErrors()}, {@link Findings#errors()}, …): the {@link SchemeFinding}s of {@link
   * #validate(String)}.
   *
   * @param json the text
   * @return the findings; {@code hasErrors()} is false when the scheme loads
   */
  public static Findings check(String json) {
    return Findings.of(validate(json));
  }

  /** The compact canonical JSON of a scheme, UTF-8: the payload of the serial forms. */
  static byte[] canonicalBytes(ScoringScheme scheme) {
    return Json.compact(SchemeJson.tree(scheme)).getBytes(StandardCharsets.UTF_8);
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
      return build(parse(() -> Json.parse(bytes, "serialized scheme"), "serialized scheme"));
    } catch (InvalidSchemeException e) {
      InvalidObjectException x =
          new InvalidObjectException("invalid serialized scheme: " + e.getMessage());
      x.initCause(e);
      throw x;
    }
  }

  /** A document read for its structure: the builder when there was no error, and the findings. */
  private record Checked(
      String source, Optional<ScoringScheme.Builder> builder, List<SchemeFinding> findings) {}

  /** Parses and reads a document, collecting every structural problem. */
  private static Checked parse(java.util.function.Supplier<JsonDocument> document, String source) {
    JsonDocument doc;
    try {
      doc = document.get();
    } catch (InvalidSchemeException e) {
      throw e;
    } catch (InvalidInputException e) {
      // Malformed JSON, a size limit, bad bytes or an unreadable file.
      List<SchemeFinding> out = new ArrayList<>();
      e.problems().forEach(f -> out.add(syntax(f)));
      throw new InvalidSchemeException(
          source(source), out, e.line().orElse(0), e.column().orElse(0));
    }
    SchemeJson reader = new SchemeJson();
    JsonDocument.Result<ScoringScheme.Builder> r = doc.check(reader::read);
    return new Checked(source, r.value(), reader.findings(r.findings()));
  }

  private static SchemeFinding syntax(org.gridgov.core.Finding f) {
    SchemeFinding.Code code =
        f instanceof org.gridgov.core.BasicFinding b
                && b.kind() instanceof org.gridgov.core.InputCode c
            ? SchemeJson.code(c)
            : SchemeFinding.Code.SYNTAX;
    if (code == SchemeFinding.Code.BAD_VALUE) {
      code = SchemeFinding.Code.SYNTAX; // "cannot read" and the like: the document is unusable
    }
    return new SchemeFinding(
        f.severity(),
        code,
        f.location().orElse(org.gridgov.core.SourceLocation.UNKNOWN),
        f.message());
  }

  /** Builds a read scheme, all or nothing. */
  private static ScoringScheme build(Checked c) {
    Optional<String> src = source(c.source());
    if (c.builder().isEmpty()) {
      throw new InvalidSchemeException(src, c.findings());
    }
    try {
      return c.builder().get().build();
    } catch (InvalidSchemeException e) {
      throw new InvalidSchemeException(src, e.findings());
    }
  }

  private static Optional<String> source(String source) {
    return source.isEmpty() ? Optional.empty() : Optional.of(source);
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
          "no built-in scheme "
              + Problems.quote(id)
              + "; available: "
              + String.join(", ", BUILT_IN));
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
}
