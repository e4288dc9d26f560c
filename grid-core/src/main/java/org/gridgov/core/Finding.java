package org.gridgov.core;

import java.util.List;
import java.util.Optional;

/**
 * One problem found by a validator, checker or reader: validation returns findings as data (like
 * the messages of a DMN result) rather than throwing on the first problem. Findings are collected
 * in a {@link Findings}.
 *
 * <p>Every finding has a {@link #severity()}, a stable {@link #code()} (the {@code name()} of a
 * per-module enum that implements {@link Code}), the ids it concerns ({@link #subjects()}), where
 * it was found when that is known ({@link #location()}) and a {@link #message()}. {@link #render()}
 * prints it as one line, the same way for every module, so that a command line prints all of them
 * alike.
 *
 * <p>Modules either create {@link BasicFinding}s with {@link #of} or keep their own record types
 * with extra details (grid ids and WKT for coverage, witnesses for decision tables) that implement
 * this interface; the default methods let older implementations compile unchanged.
 */
public interface Finding {
  /**
   * A finding code: implemented by one enum per module (e.g. {@code HierarchyProblem.Kind}), so
   * that codes are checked by the compiler and listed in one place.
   */
  interface Code {
    /**
     * The stable, machine-readable name, such as {@code DUPLICATE_ID}; enums implement it with
     * their constant name.
     *
     * @return the name
     */
    String name();
  }

  /**
   * How serious the finding is.
   *
   * @return the severity
   */
  Severity severity();

  /**
   * A stable, machine-readable kind, such as {@code DUPLICATE_ID} or {@code OVERLAP}: the {@link
   * Code#name()} of the finding's code.
   *
   * @return the kind code
   */
  String code();

  /**
   * One line for a person: what is wrong (ids, values); the location is added by {@link #render()}.
   *
   * @return the message
   */
  String message();

  /**
   * The ids the finding concerns (grid ids, rule ids, item codes, case ids), most relevant first.
   *
   * @return the ids as strings, possibly empty
   */
  default List<String> subjects() {
    return List.of();
  }

  /**
   * Where the finding was found in an input, when it came from one.
   *
   * @return the location, or empty
   */
  default Optional<SourceLocation> location() {
    return Optional.empty();
  }

  /**
   * Whether this is an {@link Severity#ERROR}.
   *
   * @return true for errors
   */
  default boolean isError() {
    return severity() == Severity.ERROR;
  }

  /**
   * The finding as one line: {@code error DUPLICATE_ID grids.json:3:5: /grids/2: grid id a is used
   * twice}. The severity is lower case, the location is left out when unknown.
   *
   * @return the line, without a line break
   */
  default String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(severity().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(code());
    location()
        .map(SourceLocation::render)
        .filter(l -> !l.isEmpty())
        .ifPresent(l -> sb.append(' ').append(l).append(':'));
    return sb.append(' ').append(message()).toString();
  }

  /**
   * A finding without a location.
   *
   * @param severity how serious
   * @param code the code
   * @param message one line for a person
   * @param subjects the ids concerned
   * @return the finding
   */
  static BasicFinding of(Severity severity, Code code, String message, String... subjects) {
    return new BasicFinding(severity, code, List.of(subjects), Optional.empty(), message);
  }

  /**
   * A finding at a location in an input.
   *
   * @param severity how serious
   * @param code the code
   * @param location where
   * @param message one line for a person
   * @param subjects the ids concerned
   * @return the finding
   */
  static BasicFinding at(
      Severity severity, Code code, SourceLocation location, String message, String... subjects) {
    return new BasicFinding(severity, code, List.of(subjects), Optional.of(location), message);
  }
}
