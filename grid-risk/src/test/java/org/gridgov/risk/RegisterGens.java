package org.gridgov.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Source;

/**
 * Generators of registers for the register property tests. Personal names and free-form personal
 * attribute values carry a {@link #SECRET} mark that no other generated text has, so a leak of them
 * is a substring search.
 */
final class RegisterGens {
  private RegisterGens() {}

  /** Every personal name and attribute value contains it; nothing else does. */
  static final String SECRET = "§";

  static final List<GridId> LEAVES = List.of(GridId.of("S01-C01-G01"), GridId.of("S01-C02-G07"));

  /** The free-form attribute keys the generator uses. */
  static final List<String> FREE_FORM = List.of("note", "owner", "phone");

  private static final String ALPHABET = "ab张 ,\";x";
  private static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);

  static String text(Source src, int max) {
    StringBuilder sb = new StringBuilder();
    int n = src.ints(1, max);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(src.ints(0, ALPHABET.length() - 1)));
    }
    String s = sb.toString();
    return s.isBlank() ? "t" + s : s; // blank text is "absent" in CSV
  }

  private static <T> T pick(Source src, List<T> values) {
    return values.get(src.ints(0, values.size() - 1));
  }

  /** An element with valid typed attributes, free-form ones, and personal fields marked. */
  static Element element(Source src, String id) {
    ElementType type = pick(src, List.of(ElementType.values()));
    TreeMap<String, String> attributes = new TreeMap<>();
    switch (type) {
      case PEOPLE -> {
        if (src.booleans()) {
          attributes.put("household", "H-" + src.ints(0, 99));
        }
        if (src.booleans()) {
          attributes.put(
              "flags", pick(src, List.of("low_income", "disabled", "elderly_alone,key_person")));
        }
      }
      case PLACES, SENTIMENTS -> {
        if (src.booleans()) {
          attributes.put(
              "kind",
              type == ElementType.PLACES
                  ? pick(src, List.of("shop", "rental", "school"))
                  : pick(src, List.of("opinion", "dispute")));
        }
      }
      case OBJECTS -> {
        if (src.booleans()) {
          attributes.put("componentCode", "41010501020" + (10000 + src.ints(0, 89999)));
        }
      }
      case EVENTS -> {
        if (src.booleans()) {
          attributes.put("case", "C-" + src.ints(0, 999));
        }
      }
      case ORGANISATIONS -> {
        if (src.booleans()) {
          attributes.put("organisation", "org-" + src.ints(0, 9));
        }
      }
    }
    for (String free : FREE_FORM) {
      if (src.booleans()) {
        attributes.put(free, text(src, 6));
      }
    }
    Optional<GeoPoint> position =
        src.booleans()
            ? Optional.of(
                GeoPoint.of(113 + src.ints(0, 100000) / 1e5, 34 + src.ints(0, 100000) / 1e5))
            : Optional.empty();
    Set<String> personal = new LinkedHashSet<>();
    if (type == ElementType.PEOPLE) {
      personal.add(Element.NAME);
      position.ifPresent(p -> personal.add(Element.POSITION));
      personal.addAll(attributes.keySet());
    } else {
      for (String k : attributes.keySet()) {
        if (src.booleans()) {
          personal.add(k);
        }
      }
      if (src.ints(0, 3) == 0) {
        personal.add(Element.NAME);
      }
      if (position.isPresent() && src.ints(0, 3) == 0) {
        personal.add(Element.POSITION);
      }
    }
    String name = src.booleans() ? "" : text(src, 5);
    if (personal.contains(Element.NAME)) {
      name = name + SECRET;
    }
    for (String k : personal) {
      if (FREE_FORM.contains(k)) { // typed values must stay valid; the tests compare them directly
        attributes.computeIfPresent(k, (key, v) -> v + SECRET);
      }
    }
    return new Element(id, type, pick(src, LEAVES), position, name, attributes, personal);
  }

  /**
   * A register of up to 6 ids, each with 1–3 versions (later ones maybe retirements) and 0–3 marks.
   */
  static final Gen<ElementRegister> REGISTERS =
      src -> {
        ElementRegister.Builder b = ElementRegister.builder();
        int ids = src.ints(1, 6);
        for (int i = 0; i < ids; i++) {
          String id = "E" + i;
          int day = src.ints(0, 30);
          int versions = src.ints(1, 3);
          for (int v = 0; v < versions; v++) {
            LocalDate from = DAY0.plusDays(day);
            if (v > 0 && src.ints(0, 3) == 0) {
              b.add(ElementVersion.retired(id, from));
            } else {
              b.add(from, element(src, id));
            }
            day += src.ints(1, 60);
          }
          int marks = src.ints(0, 3);
          int markDay = src.ints(0, 30);
          for (int m = 0; m < marks; m++) {
            LocalDate from = DAY0.plusDays(markDay);
            Optional<RiskColour> colour =
                src.ints(0, 4) == 0
                    ? Optional.empty()
                    : Optional.of(pick(src, List.of(RiskColour.values())));
            boolean rule = src.booleans();
            b.mark(
                id,
                new ColourMark(
                    colour,
                    text(src, 8),
                    rule ? MarkSource.RULE : MarkSource.MANUAL,
                    rule ? Optional.of("T/R" + src.ints(1, 9)) : Optional.empty(),
                    from,
                    src.booleans() ? Optional.of(from.plusDays(src.ints(0, 90))) : Optional.empty(),
                    text(src, 4)));
            markDay += src.ints(0, 40); // two marks may share a date
          }
        }
        return b.build();
      };

  /** A few dates over the generated range. */
  static List<LocalDate> probeDates() {
    List<LocalDate> out = new ArrayList<>();
    for (int d = 0; d < 250; d += 11) {
      out.add(DAY0.plusDays(d));
    }
    return out;
  }
}
