package org.gridgov.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.risk.ElementType;

/**
 * The known attribute keys of each element type and their checks, shared by {@link
 * ElementDetails#of(Element)} and the file readers (which report the same problems located).
 * Package-private, stateless.
 */
final class ElementAttributes {
  private ElementAttributes() {}

  static final String HOUSEHOLD = "household";
  static final String ADDRESS = "address";
  static final String FLAGS = "flags";
  static final String KIND = "kind";
  static final String COMPONENT_CODE = "componentCode";
  static final String CASE = "case";
  static final String ORGANISATION = "organisation";

  static final String COMPONENT_CODE_SHAPE =
      "is not a component code: expected 16 digits (6-digit county code, 2-digit major and"
          + " 2-digit minor category, neither 00, 6-digit serial)";

  private static final List<List<String>> KNOWN =
      List.of(
          List.of(HOUSEHOLD, ADDRESS, FLAGS),
          List.of(KIND),
          List.of(COMPONENT_CODE, KIND),
          List.of(CASE),
          List.of(KIND),
          List.of(ORGANISATION));

  static List<String> knownKeys(ElementType type) {
    return KNOWN.get(type.ordinal());
  }

  /** The format name of an enum constant: its name in lower case. */
  static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  static List<String> names(Class<? extends Enum<?>> type) {
    List<String> out = new ArrayList<>();
    for (Enum<?> e : type.getEnumConstants()) {
      out.add(name(e));
    }
    return out;
  }

  private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    for (E e : type.getEnumConstants()) {
      if (name(e).equals(text)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The problems of an element's attributes, by attribute key, in key order: a near miss of a known
   * key (did you mean), a bad flag, kind, component code or case id.
   */
  static Map<String, String> problemsByKey(ElementType type, Map<String, String> attributes) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> known = knownKeys(type);
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      String key = a.getKey();
      String value = a.getValue();
      if (!known.contains(key)) {
        Suggestions.didYouMean(key, known)
            .ifPresent(
                s ->
                    out.put(
                        key,
                        "unknown attribute '"
                            + key
                            + "' of a "
                            + RiskNames.type(type)
                            + "; did you mean '"
                            + s
                            + "'?"));
        continue;
      }
      String problem = valueProblem(type, key, value);
      if (problem != null) {
        out.put(key, problem);
      }
    }
    return out;
  }

  static List<String> problems(ElementType type, Map<String, String> attributes) {
    List<String> out = new ArrayList<>();
    problemsByKey(type, attributes).forEach((k, p) -> out.add("attribute " + k + ": " + p));
    return out;
  }

  private static String valueProblem(ElementType type, String key, String value) {
    switch (key) {
      case FLAGS:
        for (String f : flagItems(value)) {
          if (f.isEmpty()) {
            return "empty flag in '" + value + "'; write flags as a,b,c";
          }
          if (parse(PersonFlag.class, f).isEmpty()) {
            return "unknown flag '" + f + "'" + Suggestions.hint(f, names(PersonFlag.class));
          }
        }
        return null;
      case KIND:
        Class<? extends Enum<?>> kinds = kindType(type);
        return kinds != null && !names(kinds).contains(value)
            ? "unknown kind '" + value + "'" + Suggestions.hint(value, names(kinds))
            : null;
      case COMPONENT_CODE:
        return ObjectDetails.isComponentCode(value)
            ? null
            : "'" + value + "' " + COMPONENT_CODE_SHAPE;
      case CASE:
        try {
          CaseId.of(value);
          return null;
        } catch (IllegalArgumentException e) {
          return e.getMessage();
        }
      default:
        return null;
    }
  }

  private static Class<? extends Enum<?>> kindType(ElementType type) {
    return switch (type) {
      case PLACES -> PlaceKind.class;
      case OBJECTS -> ObjectKind.class;
      case SENTIMENTS -> SentimentKind.class;
      default -> null;
    };
  }

  private static List<String> flagItems(String value) {
    if (value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",", -1)).map(String::strip).toList();
  }

  /** The details of checked attributes ({@link #problems} is empty). */
  static ElementDetails details(ElementType type, Map<String, String> attributes) {
    switch (type) {
      case PEOPLE:
        EnumSet<PersonFlag> flags = EnumSet.noneOf(PersonFlag.class);
        for (String f : flagItems(attributes.getOrDefault(FLAGS, ""))) {
          flags.add(parse(PersonFlag.class, f).orElseThrow());
        }
        return new PersonDetails(text(attributes, HOUSEHOLD), text(attributes, ADDRESS), flags);
      case PLACES:
        return new PlaceDetails(
            text(attributes, KIND)
                .map(k -> parse(PlaceKind.class, k).orElseThrow())
                .orElse(PlaceKind.OTHER));
      case OBJECTS:
        Optional<String> code = text(attributes, COMPONENT_CODE);
        return new ObjectDetails(
            code,
            text(attributes, KIND)
                .map(k -> parse(ObjectKind.class, k).orElseThrow())
                .orElse(code.isPresent() ? ObjectKind.COMPONENT : ObjectKind.OTHER));
      case EVENTS:
        return new EventDetails(text(attributes, CASE).map(CaseId::of));
      case SENTIMENTS:
        return new SentimentDetails(
            text(attributes, KIND)
                .map(k -> parse(SentimentKind.class, k).orElseThrow())
                .orElse(SentimentKind.OTHER));
      case ORGANISATIONS:
        return new OrganisationDetails(text(attributes, ORGANISATION));
      default:
        throw new AssertionError(type);
    }
  }

  private static Optional<String> text(Map<String, String> attributes, String key) {
    String v = attributes.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
