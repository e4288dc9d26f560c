package org.gridgov.rules.table;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Canonical values of the table types: conversion of caller values, comparison, FEEL rendering and
 * the three-valued evaluation of unary tests. Stateless.
 */
final class Values {
  /** Marker returned by {@link #coerce} for a value of the wrong type. */
  public static final Object INVALID = new Object();

  /** Three-valued logic: true. */
  public static final int TRUE = 1;

  /** Three-valued logic: false. */
  public static final int FALSE = 0;

  /** Three-valued logic: null (neither; an entry evaluating to null does not match). */
  public static final int NULL = -1;

  private Values() {}

  /**
   * Converts a caller's value to the canonical representation of a type.
   *
   * @param type the column type
   * @param raw the value, may be {@code null}
   * @return the canonical value, {@code null} for {@code null}, or {@link #INVALID}
   */
  public static Object coerce(ValueType type, Object raw) {
    if (raw == null) {
      return null;
    }
    switch (type) {
      case STRING:
        return raw instanceof String ? raw : INVALID;
      case BOOLEAN:
        return raw instanceof Boolean ? raw : INVALID;
      case NUMBER:
        return toNumber(raw);
      case DATE:
        return raw instanceof LocalDate ? raw : INVALID;
      case DATE_TIME:
        return toDateTime(raw);
      case DURATION:
        return raw instanceof Duration ? raw : INVALID;
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * The canonical form of a number literal: no trailing zeros and no negative scale ({@code 2.50}
   * becomes {@code 2.5}, {@code 1E+2} becomes {@code 100}), so that equal literals make equal
   * tables whatever format they were read from.
   *
   * @param b the number
   * @return the canonical number
   */
  public static BigDecimal normalize(BigDecimal b) {
    if (b.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal s = b.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /**
   * Converts a value to the canonical representation of a type, for builders.
   *
   * @param type the type
   * @param raw the value, not null
   * @return the canonical value
   * @throws IllegalArgumentException if the value does not have the type
   */
  public static Object coerceOrThrow(ValueType type, Object raw) {
    Object c = coerce(type, Objects.requireNonNull(raw, "value"));
    if (c == INVALID) {
      throw new IllegalArgumentException("value " + describe(raw) + " is not a " + type.feelName());
    }
    return c;
  }

  private static Object toNumber(Object raw) {
    if (raw instanceof BigDecimal) {
      return raw;
    }
    if (raw instanceof Integer
        || raw instanceof Long
        || raw instanceof Short
        || raw instanceof Byte) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof Double d) {
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : INVALID;
    }
    if (raw instanceof Float f) {
      return Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : INVALID;
    }
    if (raw instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    return INVALID;
  }

  private static Object toDateTime(Object raw) {
    if (raw instanceof LocalDateTime) {
      return raw;
    }
    if (raw instanceof OffsetDateTime o) {
      return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (raw instanceof ZonedDateTime z) {
      return z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (raw instanceof Instant i) {
      return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
    return INVALID;
  }

  /**
   * Checks that a value is canonical for some type.
   *
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException if it is not
   */
  public static Object requireCanonical(Object value) {
    Objects.requireNonNull(value, "value");
    typeOf(value);
    return value;
  }

  /**
   * The type of a canonical value.
   *
   * @param value the value, not null
   * @return its type
   * @throws IllegalArgumentException if the value is not canonical
   */
  public static ValueType typeOf(Object value) {
    if (value instanceof String) {
      return ValueType.STRING;
    } else if (value instanceof BigDecimal) {
      return ValueType.NUMBER;
    } else if (value instanceof Boolean) {
      return ValueType.BOOLEAN;
    } else if (value instanceof LocalDate) {
      return ValueType.DATE;
    } else if (value instanceof LocalDateTime) {
      return ValueType.DATE_TIME;
    } else if (value instanceof Duration) {
      return ValueType.DURATION;
    }
    throw new IllegalArgumentException(
        "not a table value: " + value + " (" + value.getClass().getName() + ")");
  }

  /**
   * Compares two canonical values of the same ordered type.
   *
   * @param a a value
   * @param b a value of the same type
   * @return negative, zero or positive
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  /**
   * FEEL equality of canonical values: numbers by value ({@code 1.0 = 1}), the rest by {@code
   * equals}.
   *
   * @param a a value or null
   * @param b a value or null
   * @return whether they are equal
   */
  public static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  /**
   * A key for hash maps that is equal for {@link #same} values.
   *
   * @param value a canonical value
   * @return the key
   */
  public static Object key(Object value) {
    if (value instanceof BigDecimal b) {
      return b.signum() == 0 ? BigDecimal.ZERO : b.stripTrailingZeros();
    }
    return value;
  }

  /**
   * Renders a canonical value as a FEEL literal: {@code "text"}, {@code 12.5}, {@code true}, {@code
   * date("2026-01-01")}, {@code date and time("2026-01-01T08:00:00")}, {@code duration("PT4H")}, or
   * {@code null}.
   *
   * @param value the value or null
   * @return the literal
   */
  public static String toFeel(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (value instanceof LocalDate d) {
      return "date(\"" + d + "\")";
    }
    if (value instanceof LocalDateTime t) {
      return "date and time(\"" + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t) + "\")";
    }
    if (value instanceof Duration d) {
      return "duration(\"" + d + "\")";
    }
    return String.valueOf(value);
  }

  /**
   * Renders a canonical value the way the JSON format writes it as a string ({@code 2026-01-01},
   * {@code PT4H}), or its plain text for strings, numbers and booleans.
   *
   * @param value the value
   * @return the text
   */
  public static String toPlainText(Object value) {
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (value instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    return String.valueOf(value);
  }

  /**
   * Quotes a string as a FEEL string literal, escaping quotes, backslashes and control characters.
   *
   * @param s the string
   * @return the literal
   */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Describes a caller's value for a message: the value and its Java type.
   *
   * @param raw the value
   * @return a short description
   */
  public static String describe(Object raw) {
    if (raw == null) {
      return "null";
    }
    String shown = raw instanceof String s ? quote(s) : String.valueOf(raw);
    if (shown.length() > 60) {
      shown = shown.substring(0, 57) + "...";
    }
    return shown + " (" + raw.getClass().getSimpleName() + ")";
  }

  /**
   * Evaluates unary tests on a value under FEEL's three-valued logic.
   *
   * @param tests the tests
   * @param value the canonical value or null
   * @return {@link #TRUE}, {@link #FALSE} or {@link #NULL}
   */
  public static int evaluate(UnaryTests tests, Object value) {
    if (tests.isAny()) {
      return TRUE;
    }
    int result = FALSE;
    for (UnaryTest t : tests.tests()) {
      int r = evaluate(t, value);
      if (r == TRUE) {
        result = TRUE;
        break;
      }
      if (r == NULL) {
        result = NULL;
      }
    }
    if (!tests.negated() || result == NULL) {
      return result;
    }
    return result == TRUE ? FALSE : TRUE;
  }

  /**
   * Evaluates one test on a value under FEEL's three-valued logic: equality with {@code null} is
   * false, an order comparison or interval with {@code null} is null.
   *
   * @param test the test
   * @param value the canonical value or null
   * @return {@link #TRUE}, {@link #FALSE} or {@link #NULL}
   */
  public static int evaluate(UnaryTest test, Object value) {
    if (test instanceof UnaryTest.IsNull) {
      return value == null ? TRUE : FALSE;
    }
    if (test instanceof UnaryTest.Compare c) {
      if (value == null) {
        return switch (c.operator()) {
          case EQ -> FALSE;
          case NE -> TRUE;
          default -> NULL;
        };
      }
      int cmp;
      switch (c.operator()) {
        case EQ:
          return same(value, c.value()) ? TRUE : FALSE;
        case NE:
          return same(value, c.value()) ? FALSE : TRUE;
        default:
          cmp = compare(value, c.value());
      }
      boolean r =
          switch (c.operator()) {
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            default -> throw new AssertionError(c.operator());
          };
      return r ? TRUE : FALSE;
    }
    UnaryTest.Range r = (UnaryTest.Range) test;
    if (value == null) {
      return NULL;
    }
    int lo = compare(value, r.low());
    int hi = compare(value, r.high());
    boolean in = (r.lowClosed() ? lo >= 0 : lo > 0) && (r.highClosed() ? hi <= 0 : hi < 0);
    return in ? TRUE : FALSE;
  }
}
