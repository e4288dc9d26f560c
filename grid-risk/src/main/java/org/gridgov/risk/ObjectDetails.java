package org.gridgov.risk;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.risk.ElementType;

/**
 * The typed fields of an object (物): a city component (部件) with its component code, a sensor, a
 * camera.
 *
 * @param componentCode the component code (attribute {@code componentCode}), 16 digits in the style
 *     of GB/T 30428.2 (see {@link #isComponentCode(String)}), if given
 * @param kind the kind (attribute {@code kind}; when absent {@link ObjectKind#COMPONENT} if a
 *     component code is given, else {@link ObjectKind#OTHER})
 */
public record ObjectDetails(Optional<String> componentCode, ObjectKind kind)
    implements ElementDetails {
  /**
   * Checks the fields.
   *
   * @param componentCode the component code
   * @param kind the kind
   */
  public ObjectDetails {
    Objects.requireNonNull(componentCode, "componentCode");
    Objects.requireNonNull(kind, "kind");
    componentCode.ifPresent(
        c -> {
          if (!isComponentCode(c)) {
            throw new IllegalArgumentException(
                "component code '" + c + "' " + ElementAttributes.COMPONENT_CODE_SHAPE);
          }
        });
  }

  /**
   * Whether a text has the shape of a component code as this register accepts it: exactly 16 ASCII
   * digits — a 6-digit county-level administrative division code, a 2-digit major category, a
   * 2-digit minor category (neither {@code 00}) and a 6-digit serial number. The digits are not
   * checked against a category list (cities extend it).
   *
   * @param code the text
   * @return true when it has that shape
   */
  public static boolean isComponentCode(String code) {
    if (code.length() != 16) {
      return false;
    }
    for (int i = 0; i < 16; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !code.startsWith("00", 6) && !code.startsWith("00", 8);
  }

  @Override
  public ElementType type() {
    return ElementType.OBJECTS;
  }
}
