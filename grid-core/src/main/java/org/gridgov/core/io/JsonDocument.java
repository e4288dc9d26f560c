package org.gridgov.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;
import org.gridgov.core.Findings;
import org.gridgov.core.InvalidInputException;

/**
 * A parsed JSON document: its source name, its tree, and its text for looking up the line and
 * column of problems. Made by {@link Json#parse}; immutable.
 */
public final class JsonDocument {
  private final String source;
  private final byte[] bytes;
  private final JsonNode root;

  JsonDocument(String source, byte[] bytes, JsonNode root) {
    this.source = source;
    this.bytes = bytes;
    this.root = root;
  }

  /**
   * The source name.
   *
   * @return the name
   */
  public String source() {
    return source;
  }

  /**
   * The tree, for code that only needs Jackson's view.
   *
   * @return the root node
   */
  public JsonNode tree() {
    return root;
  }

  /**
   * A collector for this document whose problems get their line and column from its text.
   *
   * @param mode the mode
   * @return the collector
   */
  public Problems problems(Problems.Mode mode) {
    Problems p = Problems.of(source, mode);
    p.locator(pointers -> Json.locate(bytes, pointers));
    return p;
  }

  /**
   * The located root, reporting to a collector made by {@link #problems}.
   *
   * @param problems the collector
   * @return the root
   */
  public JsonNodeAt root(Problems problems) {
    return JsonNodeAt.of(root, "", problems);
  }

  /**
   * Applies a reader to the root and throws every error it found.
   *
   * @param mode the mode
   * @param reader reads the root
   * @param <T> the value read
   * @return the value
   * @throws InvalidInputException with every error (all-errors mode) or the first
   */
  public <T> T read(Problems.Mode mode, Function<JsonNodeAt, T> reader) {
    Problems p = problems(mode);
    Optional<T> value = p.attempt(() -> reader.apply(root(p)));
    p.throwIfErrors();
    return value.orElseThrow(
        () -> new IllegalStateException("the reader returned null without recording an error"));
  }

  /**
   * Applies a reader to the root and returns what it found instead of throwing.
   *
   * @param reader reads the root
   * @param <T> the value read
   * @return the value (empty when there were errors) and every finding
   */
  public <T> Result<T> check(Function<JsonNodeAt, T> reader) {
    Problems p = problems(Problems.Mode.ALL_ERRORS);
    Optional<T> value;
    try {
      value = p.attempt(() -> reader.apply(root(p)));
    } catch (InvalidInputException tooMany) {
      return new Result<>(Optional.empty(), tooMany.problems());
    }
    Findings f = p.findings();
    return new Result<>(f.hasErrors() ? Optional.empty() : value, f);
  }

  /**
   * What a checking read found.
   *
   * @param value the value, present when there were no errors
   * @param findings every problem, located
   * @param <T> the value type
   */
  public record Result<T>(Optional<T> value, Findings findings) {}
}
