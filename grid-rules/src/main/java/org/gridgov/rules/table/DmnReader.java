package org.gridgov.rules.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.rules.table.internal.DmnTables;

/**
 * Imports decision tables from DMN XML: DMN 1.3, 1.4 and 1.5 (namespaces {@code
 * https://www.omg.org/spec/DMN/20191111/MODEL/}, {@code .../20211108/MODEL/}, {@code
 * .../20230324/MODEL/}; DMN 1.2 is accepted too). Supported: the "compliance level 2" subset —
 * {@code definitions > decision > decisionTable} with {@code hitPolicy} and {@code aggregation},
 * inputs with {@code inputExpression typeRef} and {@code inputValues}, outputs with {@code
 * outputValues} and {@code defaultOutputEntry}, item definitions with {@code allowedValues}, rules
 * with simple unary tests and literal outputs. A missing typeRef is inferred from the entries.
 *
 * <p>Parsing is hardened: a DOCTYPE is refused (so no DTDs and no entity expansion), external
 * entities and external DTD/schema access are off, secure processing is on, and input is bounded
 * ({@value #DEFAULT_MAX_BYTES} bytes by default). Reading is all or nothing; a malformed table
 * throws an {@link InvalidInputException} naming the file, line, decision, rule number and column.
 *
 * <p>Immutable and thread-safe.
 */
public final class DmnReader {
  /** The default input bound: 16 MiB. */
  public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  private static final DmnReader DEFAULTS = new DmnReader(DEFAULT_MAX_BYTES);

  private final long maxBytes;

  private DmnReader(long maxBytes) {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be in [1, 2^31 - 9], was " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * The reader with the default bound.
   *
   * @return the reader
   */
  public static DmnReader defaults() {
    return DEFAULTS;
  }

  /**
   * A reader with another input bound.
   *
   * @param max the largest accepted input, in bytes
   * @return the reader
   */
  public DmnReader withMaxBytes(long max) {
    return new DmnReader(max);
  }

  /**
   * Reads every decision table of a DMN file, in document order (decisions with other kinds of
   * expression are skipped).
   *
   * @param file the file
   * @return the tables, at least one
   * @throws InvalidInputException if the file cannot be read or any table is malformed
   */
  public List<DecisionTable> readAll(Path file) {
    return DmnTables.parse(bytes(file), file.toString()).all();
  }

  /**
   * Reads every decision table of a DMN stream.
   *
   * @param in the stream, not closed
   * @param sourceName the name used in messages
   * @return the tables
   */
  public List<DecisionTable> readAll(InputStream in, String sourceName) {
    return DmnTables.parse(bytes(in, sourceName), sourceName).all();
  }

  /**
   * Reads one decision table of a DMN file, by decision name or id.
   *
   * @param file the file
   * @param decision the decision's name or id
   * @return the table
   * @throws InvalidInputException if there is no such decision table or it is malformed
   */
  public DecisionTable read(Path file, String decision) {
    return DmnTables.parse(bytes(file), file.toString()).one(decision);
  }

  /**
   * Reads one decision table of a DMN stream, by decision name or id.
   *
   * @param in the stream, not closed
   * @param sourceName the name used in messages
   * @param decision the decision's name or id
   * @return the table
   */
  public DecisionTable read(InputStream in, String sourceName, String decision) {
    return DmnTables.parse(bytes(in, sourceName), sourceName).one(decision);
  }

  /**
   * The names of the decision tables of a DMN file, without building them.
   *
   * @param file the file
   * @return the decision names, in document order
   */
  public List<String> decisionNames(Path file) {
    return DmnTables.parse(bytes(file), file.toString()).tableNames();
  }

  byte[] bytes(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return bytes(in, file.toString());
    } catch (IOException e) {
      throw new InvalidInputException(file.toString(), 0, 0, "", "cannot read: " + e, e);
    }
  }

  byte[] bytes(InputStream in, String sourceName) {
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
