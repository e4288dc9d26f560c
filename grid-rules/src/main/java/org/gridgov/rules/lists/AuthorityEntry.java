package org.gridgov.rules.lists;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.GridLevel;

/**
 * One entry of the authority list (权责清单): at a level, which departments hold a power over an item
 * and what they must do (docs/domain.md §2). An item may have several entries, one per level and
 * power (for illegal construction: the street stops it, the district penalises it).
 *
 * @param itemCode the item the power is about
 * @param level the level that holds the power
 * @param departments ids of the responsible departments, at least one, in order of responsibility
 * @param powerType the kind of power
 * @param legalBasis the law or regulation that grants the power (依据), may be empty
 * @param duties what the holder must do (责任事项), may be empty
 */
public record AuthorityEntry(
    String itemCode,
    GridLevel level,
    List<String> departments,
    PowerType powerType,
    String legalBasis,
    List<String> duties) {
  /**
   * Validates and copies the entry.
   *
   * @param itemCode the item
   * @param level the level
   * @param departments the departments
   * @param powerType the power type
   * @param legalBasis the legal basis
   * @param duties the duties
   */
  public AuthorityEntry {
    itemCode = Texts.requireCode(itemCode, "item code");
    Objects.requireNonNull(level, "level");
    departments = Texts.requireCodes(departments, "department id");
    if (departments.isEmpty()) {
      throw new IllegalArgumentException(
          "authority entry for item " + itemCode + " names no department");
    }
    Objects.requireNonNull(powerType, "powerType");
    Objects.requireNonNull(legalBasis, "legalBasis");
    duties = List.copyOf(duties);
  }
}
