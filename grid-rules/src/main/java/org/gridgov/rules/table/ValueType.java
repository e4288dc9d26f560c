package org.gridgov.rules.table;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of an input or output column of a decision table: the FEEL types of the DMN "compliance
 * level 2" subset. An enumeration is a {@link #STRING} (or {@link #NUMBER}) column whose clause
 * lists its allowed values.
 *
 * <p>Each type has one canonical Java representation, used for rule literals, outputs and
 * witnesses; inputs are converted to it (see {@link #javaType()}).
 */
public enum ValueType {
  /** FEEL {@code string}; Java {@link String}. */
  STRING("string", String.class, true),
  /** FEEL {@code number}; Java {@link BigDecimal} (inputs may be any {@link Number}). */
  NUMBER("number", BigDecimal.class, true),
  /** FEEL {@code boolean}; Java {@link Boolean}. */
  BOOLEAN("boolean", Boolean.class, false),
  /** FEEL {@code date}; Java {@link LocalDate}. */
  DATE("date", LocalDate.class, true),
  /**
   * FEEL {@code date and time}; Java {@link LocalDateTime} on the UTC time line (inputs with an
   * offset or zone, and {@link java.time.Instant}s, are converted to UTC).
   */
  DATE_TIME("date and time", LocalDateTime.class, true),
  /** FEEL {@code days and time duration}; Java {@link Duration}. */
  DURATION("days and time duration", Duration.class, true);

  private final String feelName;
  private final Class<?> javaType;
  private final boolean ordered;

  ValueType(String feelName, Class<?> javaType, boolean ordered) {
    this.feelName = feelName;
    this.javaType = javaType;
    this.ordered = ordered;
  }

  /**
   * The FEEL name of the type, such as {@code date and time}.
   *
   * @return the FEEL name
   */
  public String feelName() {
    return feelName;
  }

  /**
   * The canonical Java class of values of this type.
   *
   * @return the class
   */
  public Class<?> javaType() {
    return javaType;
  }

  /**
   * Whether values of this type are ordered, so that comparisons ({@code <}, {@code >=}) and ranges
   * apply to them. Only booleans are not.
   *
   * @return whether the type is ordered
   */
  public boolean isOrdered() {
    return ordered;
  }

  /**
   * The name used in the JSON table format: {@code string}, {@code number}, {@code boolean}, {@code
   * date}, {@code date-time} or {@code duration}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return switch (this) {
      case DATE_TIME -> "date-time";
      case DURATION -> "duration";
      default -> feelName;
    };
  }

  /**
   * Converts the plain text of a value, as the JSON formats write it, to this type's canonical
   * value: ISO 8601 text for {@link #DATE} ({@code 2026-01-01}), {@link #DATE_TIME} ({@code
   * 2026-01-01T08:00:00}; an offset or zone is converted to UTC) and {@link #DURATION} ({@code
   * PT4H}); a decimal number for {@link #NUMBER}; {@code true} or {@code false} for {@link
   * #BOOLEAN}; the text itself for {@link #STRING}. Use it to type values read from text formats
   * (JSON strings, CSV cells) before evaluation.
   *
   * @param text the text
   * @return the canonical value, or empty when the text is not a value of this type
   */
  public Optional<Object> fromText(String text) {
    java.util.Objects.requireNonNull(text, "text");
    switch (this) {
      case STRING:
        return Optional.of(text);
      case NUMBER:
        try {
          return Optional.of(Values.normalize(new BigDecimal(text.strip())));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      case BOOLEAN:
        return text.equals("true")
            ? Optional.of(Boolean.TRUE)
            : text.equals("false") ? Optional.of(Boolean.FALSE) : Optional.empty();
      default:
        try {
          return Optional.of(FeelParser.plainTemporal(text, this));
        } catch (FeelSyntaxException e) {
          return Optional.empty();
        }
    }
  }

  /**
   * Resolves a type name: a JSON name, a FEEL name, or a DMN {@code typeRef} ({@code dateTime},
   * {@code dayTimeDuration}, also with a namespace prefix such as {@code feel:number}).
   *
   * @param name the name
   * @return the type, or empty for an unknown or unsupported name
   */
  public static Optional<ValueType> byName(String name) {
    String n = name.trim();
    int colon = n.indexOf(':');
    if (colon >= 0) {
      n = n.substring(colon + 1);
    }
    return switch (n.toLowerCase(Locale.ROOT)) {
      case "string" -> Optional.of(STRING);
      case "number", "integer", "decimal", "double", "long", "int" -> Optional.of(NUMBER);
      case "boolean" -> Optional.of(BOOLEAN);
      case "date" -> Optional.of(DATE);
      case "date-time", "datetime", "date and time", "date_time" -> Optional.of(DATE_TIME);
      case "duration", "daytimeduration", "days and time duration", "day-time-duration" ->
          Optional.of(DURATION);
      default -> Optional.empty();
    };
  }
}
