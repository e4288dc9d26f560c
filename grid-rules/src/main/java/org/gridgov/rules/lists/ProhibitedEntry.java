package org.gridgov.rules.lists;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.gridgov.core.GridLevel;

/**
 * One entry of the prohibited list (禁入清单): a matter that departments must not push down onto grid
 * workers (docs/domain.md §2). A prohibited entry always wins over an access entry.
 *
 * <p>The item code need not be on the item list: the prohibited list names matters that are, by
 * design, not grid items (such as issuing certificates or collecting fees).
 *
 * @param itemCode the matter's code
 * @param name the matter's name, for readers of the list
 * @param levels the levels at which it is prohibited, in the order given; empty means every level
 * @param reason why it is prohibited, may be empty
 */
public record ProhibitedEntry(String itemCode, String name, Set<GridLevel> levels, String reason)
    implements ListEntry {
  /**
   * Validates and copies the entry.
   *
   * @param itemCode the item code
   * @param name the name
   * @param levels the levels, empty for all
   * @param reason the reason
   */
  public ProhibitedEntry {
    itemCode = Texts.requireCode(itemCode, "item code");
    Objects.requireNonNull(name, "name");
    levels = Collections.unmodifiableSet(new LinkedHashSet<>(levels));
    levels.forEach(l -> Objects.requireNonNull(l, "level"));
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Whether the entry prohibits its item at a level.
   *
   * @param level the level
   * @return true when prohibited there
   */
  public boolean appliesTo(GridLevel level) {
    return levels.isEmpty() || levels.contains(level);
  }
}
