package org.gridgov.core;

/**
 * The finding codes of input that cannot be read: what the readers of the I/O toolkit and {@link
 * InvalidInputException#problems()} report.
 */
public enum InputCode implements Finding.Code {
  /** The text is not well-formed JSON, CSV or JSON Lines (including duplicate keys). */
  SYNTAX,
  /** A size limit was exceeded: document, line, nesting, string or number length. */
  LIMIT,
  /** The bytes are not valid UTF-8. */
  ENCODING,
  /** A value has the wrong JSON type (a string where a number belongs, …). */
  TYPE,
  /** A required member, column or value is missing. */
  MISSING,
  /** A member, column or name is not one of those allowed. */
  UNKNOWN_NAME,
  /** A value has the right type but cannot be used (out of range, not a valid id, …). */
  BAD_VALUE
}
