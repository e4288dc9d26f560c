package org.gridgov.cli;

/**
 * The output formats of the {@code gridgov risk} subcommands ({@code --format text|csv|json}),
 * parsed case-insensitively with a "did you mean" for a typo ({@link Converter}).
 */
enum RiskFormat {
  /** A text table for people. */
  TEXT,
  /** CSV with the subcommand's documented header. */
  CSV,
  /** One JSON document. */
  JSON;

  /** Parses {@code --format}, suggesting the closest value for a typo. */
  static final class Converter extends LowerCaseEnumConverter<RiskFormat> {
    Converter() {
      super(RiskFormat.class);
    }
  }
}
