package org.gridgov.rules.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Problems;

/**
 * The front door for reading and writing decision tables: the JSON format of
 * docs/decision-tables.md and DMN XML. One {@code read} per source (a file or a stream), with a
 * {@link ReadOptions} value that names the decision, the format and the size bound; {@code readAll}
 * for every decision table of a DMN document; {@code write} for the JSON format.
 *
 * <p>DMN: DMN 1.3, 1.4 and 1.5 (namespaces {@code https://www.omg.org/spec/DMN/20191111/MODEL/},
 * {@code .../20211108/MODEL/}, {@code .../20230324/MODEL/}; DMN 1.2 is accepted too), the
 * "compliance level 2" subset: {@code definitions > decision > decisionTable} with {@code
 * hitPolicy} and {@code aggregation}, inputs with {@code inputExpression typeRef} and {@code
 * inputValues}, outputs with {@code outputValues} and {@code defaultOutputEntry}, item definitions
 * with {@code allowedValues}, rules with simple unary tests and literal outputs. A missing typeRef
 * is inferred from the entries. Parsing is hardened: a DOCTYPE is refused (so no DTDs and no entity
 * expansion), external entities and external DTD/schema access are off, secure processing is on,
 * and input is bounded ({@link ReadOptions#DEFAULT_MAX_BYTES} by default).
 *
 * <p>Readers are all or nothing: bad data (malformed JSON or XML, a FEEL syntax error, a literal of
 * the wrong type, an unknown decision) throws {@link InvalidInputException} naming the source, the
 * JSON pointer or line, the decision, rule number and column. Stateless and thread-safe.
 */
public final class DecisionTables {
  private DecisionTables() {}

  /**
   * Reads the table of a file: {@code .dmn} (or {@code .xml}) as DMN, which must then hold exactly
   * one decision table, anything else as JSON.
   *
   * @param file the file
   * @return the table
   * @throws InvalidInputException if the file cannot be read or is malformed, or a DMN file holds
   *     several decision tables
   */
  public static DecisionTable read(Path file) {
    return read(file, ReadOptions.defaults());
  }

  /**
   * Reads a named table of a file: for DMN the decision with that name or id; for JSON the file's
   * table, which must have that name or id. Short for {@code read(file,
   * ReadOptions.defaults().withDecision(decision))}.
   *
   * @param file the file
   * @param decision the decision name or id
   * @return the table
   * @throws InvalidInputException if the file is malformed or has no such decision
   */
  public static DecisionTable read(Path file, String decision) {
    return read(file, ReadOptions.defaults().withDecision(decision));
  }

  /**
   * Reads a table of a file as the options say.
   *
   * @param file the file
   * @param options the decision, format and size bound
   * @return the table
   * @throws InvalidInputException if the file cannot be read or is malformed, has no such decision,
   *     or (no decision named) a DMN file holds several decision tables
   */
  public static DecisionTable read(Path file, ReadOptions options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    return one(bytes(file, options.maxBytes()), file.toString(), formatOf(file, options), options);
  }

  /**
   * Reads a table from a stream with the default options (format guessed from the content).
   *
   * @param in the stream, read fully and not closed
   * @param sourceName the name used in messages, such as the file name
   * @return the table
   * @throws InvalidInputException if the stream cannot be read or is malformed
   */
  public static DecisionTable read(InputStream in, String sourceName) {
    return read(in, sourceName, ReadOptions.defaults());
  }

  /**
   * Reads a table from a stream as the options say.
   *
   * @param in the stream, read fully and not closed
   * @param sourceName the name used in messages, such as the file name
   * @param options the decision, format and size bound
   * @return the table
   * @throws InvalidInputException if the stream cannot be read or is malformed, or has no such
   *     decision
   */
  public static DecisionTable read(InputStream in, String sourceName, ReadOptions options) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(options, "options");
    byte[] b = bytes(in, sourceName, options.maxBytes());
    return one(b, sourceName, formatOf(b, options), options);
  }

  /**
   * Reads every decision table of a file, in document order: all decision tables of a DMN document
   * (decisions with other kinds of expression are skipped), the one table of a JSON document. The
   * options' decision, if named, is ignored.
   *
   * @param file the file
   * @param options the format and size bound
   * @return the tables, at least one
   * @throws InvalidInputException if the file cannot be read or any table is malformed
   */
  public static List<DecisionTable> readAll(Path file, ReadOptions options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    return all(bytes(file, options.maxBytes()), file.toString(), formatOf(file, options));
  }

  /**
   * Reads every decision table of a stream; see {@link #readAll(Path, ReadOptions)}.
   *
   * @param in the stream, read fully and not closed
   * @param sourceName the name used in messages
   * @param options the format and size bound
   * @return the tables, at least one
   * @throws InvalidInputException if the stream cannot be read or any table is malformed
   */
  public static List<DecisionTable> readAll(
      InputStream in, String sourceName, ReadOptions options) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(options, "options");
    byte[] b = bytes(in, sourceName, options.maxBytes());
    return all(b, sourceName, formatOf(b, options));
  }

  /**
   * The table as indented JSON text in the documented format; {@link #read(InputStream, String)}
   * reads it back equal.
   *
   * @param table the table
   * @return the text, without a final newline
   */
  public static String toJson(DecisionTable table) {
    return JsonTables.text(Objects.requireNonNull(table, "table"));
  }

  /**
   * Writes the table to a JSON file, with a final newline.
   *
   * @param table the table
   * @param file the file, replaced if it exists
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(DecisionTable table, Path file) {
    Objects.requireNonNull(file, "file");
    try {
      Files.writeString(file, toJson(table) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the table as UTF-8 JSON text, with a final newline, to a stream.
   *
   * @param table the table
   * @param out the stream, not closed
   * @throws UncheckedIOException if the stream fails
   */
  public static void write(DecisionTable table, OutputStream out) {
    Objects.requireNonNull(out, "out");
    try {
      out.write((toJson(table) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- implementation ----

  private static DecisionTable one(
      byte[] bytes, String source, ReadOptions.Format format, ReadOptions options) {
    if (format == ReadOptions.Format.DMN) {
      DmnTables dmn = DmnTables.parse(bytes, source);
      if (options.decision().isPresent()) {
        return dmn.one(options.decision().get());
      }
      List<String> names = dmn.tableNames();
      if (names.size() > 1) {
        throw InvalidInputException.at(
            source, "", "the file has several decision tables " + names + "; name one");
      }
      return dmn.all().get(0);
    }
    DecisionTable t = JsonTables.read(bytes, source);
    if (options.decision().isPresent()) {
      String decision = options.decision().get();
      if (!t.name().equals(decision) && !t.id().equals(decision)) {
        throw InvalidInputException.at(
            source,
            "/name",
            "the table is " + Problems.quote(t.name()) + ", not " + Problems.quote(decision));
      }
    }
    return t;
  }

  private static List<DecisionTable> all(byte[] bytes, String source, ReadOptions.Format format) {
    if (format == ReadOptions.Format.DMN) {
      return DmnTables.parse(bytes, source).all();
    }
    return List.of(JsonTables.read(bytes, source));
  }

  private static ReadOptions.Format formatOf(Path file, ReadOptions options) {
    if (options.format() != ReadOptions.Format.AUTO) {
      return options.format();
    }
    String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    return n.endsWith(".dmn") || n.endsWith(".xml")
        ? ReadOptions.Format.DMN
        : ReadOptions.Format.JSON;
  }

  private static ReadOptions.Format formatOf(byte[] bytes, ReadOptions options) {
    if (options.format() != ReadOptions.Format.AUTO) {
      return options.format();
    }
    int i = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb) {
      i = 3; // a UTF-8 byte-order mark
    }
    while (i < bytes.length && Character.isWhitespace(bytes[i])) {
      i++;
    }
    return i < bytes.length && bytes[i] == '<' ? ReadOptions.Format.DMN : ReadOptions.Format.JSON;
  }

  private static byte[] bytes(Path file, long maxBytes) {
    try (InputStream in = Files.newInputStream(file)) {
      return bytes(in, file.toString(), maxBytes);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file.toString(), 0, 0, "", "cannot read: no such file", e);
    } catch (IOException e) {
      throw new InvalidInputException(file.toString(), 0, 0, "", "cannot read: " + e, e);
    }
  }

  private static byte[] bytes(InputStream in, String sourceName, long maxBytes) {
    try {
      byte[] b = in.readNBytes((int) maxBytes + 1);
      if (b.length > maxBytes) {
        throw InvalidInputException.at(
            sourceName, "", "input is larger than the limit of " + maxBytes + " bytes");
      }
      return b;
    } catch (IOException e) {
      throw new InvalidInputException(sourceName, 0, 0, "", "cannot read: " + e, e);
    }
  }
}
