package org.gridgov.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridgov.core.io.Suggestions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses an option whose values are an enum's constants written in lower case ({@code --format
 * csv}), ignoring case and surrounding spaces, and suggests the closest value for a typo. A
 * subclass names the enum: {@code Converter() { super(RiskFormat.class); }}.
 *
 * @param <E> the enum
 */
abstract class LowerCaseEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
  private final E[] constants;
  private final List<String> values = new ArrayList<>();

  LowerCaseEnumConverter(Class<E> type) {
    constants = type.getEnumConstants();
    for (E e : constants) {
      values.add(e.name().toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public E convert(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    int i = values.indexOf(v);
    if (i >= 0) {
      return constants[i];
    }
    // picocli prints a TypeConversionException's message as it is ("Invalid value for option
    // '--format': unknown value ..."), where any other exception is wrapped in a Java class name
    throw new TypeConversionException(
        "unknown value '" + value + "'" + Suggestions.hint(v, values));
  }
}
