package org.gridgov.rules.lists;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridLevel;
import org.gridgov.core.time.TimeLimits;

/**
 * One governance matter of the item list (事项清单): what it is, where it sits in the classification,
 * which grid level handles it, whether it is dispatched automatically (自动派单), its time limits and
 * who is responsible by default (docs/domain.md §2, §7).
 *
 * <p>Codes follow the urban-management standard when they can: a 2-digit major class and a 3-digit
 * minor class, {@code 01001} (see {@link #isStandardCode()}); free-form codes, such as a city's own
 * numbering of its 504 items, are accepted too.
 *
 * @param code the item code, unique within a list
 * @param name the item's name, such as 暴露垃圾 (exposed rubbish)
 * @param categoryPath the classification from the top, such as {@code [市容环境, 环境卫生]}; at least the
 *     category
 * @param level the grid level that handles the item (处置层级)
 * @param autoDispatch whether the platform dispatches it without a person's triage (自动派单流转)
 * @param timeLimits the normal and urgent time limits (处置时限)
 * @param defaultDepartment id of the department responsible by default, if any
 * @param filingCriteria when a report becomes a case (立案标准), may be empty
 * @param closingCriteria when a case may be closed (结案标准), may be empty
 */
public record Item(
    String code,
    String name,
    List<String> categoryPath,
    GridLevel level,
    boolean autoDispatch,
    TimeLimits timeLimits,
    Optional<String> defaultDepartment,
    String filingCriteria,
    String closingCriteria) {
  /**
   * Validates and copies the item.
   *
   * @param code the code
   * @param name the name
   * @param categoryPath the category path, at least one element
   * @param level the handling level
   * @param autoDispatch whether dispatched automatically
   * @param timeLimits the time limits
   * @param defaultDepartment the default department id, if any
   * @param filingCriteria the filing criteria
   * @param closingCriteria the closing criteria
   */
  public Item {
    code = Texts.requireCode(code, "item code");
    name = Texts.requireText(name, "item name");
    categoryPath = List.copyOf(categoryPath);
    if (categoryPath.isEmpty()) {
      throw new IllegalArgumentException("item " + code + " needs a category");
    }
    for (String c : categoryPath) {
      Texts.requireText(c, "category of item " + code);
    }
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(timeLimits, "timeLimits");
    Objects.requireNonNull(defaultDepartment, "defaultDepartment");
    defaultDepartment.ifPresent(d -> Texts.requireCode(d, "default department"));
    Objects.requireNonNull(filingCriteria, "filingCriteria");
    Objects.requireNonNull(closingCriteria, "closingCriteria");
  }

  /**
   * Starts an item with the required parts; the rest default to not auto-dispatched, no default
   * department and empty criteria.
   *
   * @param code the code
   * @param name the name
   * @param level the handling level
   * @param timeLimits the time limits
   * @return a builder
   */
  public static Builder builder(String code, String name, GridLevel level, TimeLimits timeLimits) {
    return new Builder(code, name, level, timeLimits);
  }

  /**
   * The top of the category path (大类), such as 市容环境; the dispatch table routes on it.
   *
   * @return the category
   */
  public String category() {
    return categoryPath.get(0);
  }

  /**
   * Whether the code has the standard form: 2-digit major class + 3-digit minor class.
   *
   * @return true for codes such as {@code 01001}
   */
  public boolean isStandardCode() {
    return isStandardCode(code);
  }

  /**
   * The major class (大类) of a standard code.
   *
   * @return the first two digits, or empty for a free-form code
   */
  public Optional<String> majorClass() {
    return isStandardCode() ? Optional.of(code.substring(0, 2)) : Optional.empty();
  }

  /**
   * Whether a code has the standard form: 2-digit major class + 3-digit minor class.
   *
   * @param code a code
   * @return true for codes such as {@code 01001}
   */
  public static boolean isStandardCode(String code) {
    if (code.length() != 5) {
      return false;
    }
    for (int i = 0; i < 5; i++) {
      if (code.charAt(i) < '0' || code.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Builds an {@link Item}; not thread-safe. */
  public static final class Builder {
    private final String code;
    private final String name;
    private final GridLevel level;
    private final TimeLimits timeLimits;
    private List<String> categoryPath = List.of();
    private boolean autoDispatch;
    private Optional<String> defaultDepartment = Optional.empty();
    private String filingCriteria = "";
    private String closingCriteria = "";

    private Builder(String code, String name, GridLevel level, TimeLimits timeLimits) {
      this.code = code;
      this.name = name;
      this.level = level;
      this.timeLimits = timeLimits;
    }

    /**
     * Sets the category path, top first.
     *
     * @param path the category, then the sub-category, and so on
     * @return this builder
     */
    public Builder category(String... path) {
      this.categoryPath = List.of(path);
      return this;
    }

    /**
     * Sets whether the item is dispatched automatically.
     *
     * @param auto true for automatic dispatch
     * @return this builder
     */
    public Builder autoDispatch(boolean auto) {
      this.autoDispatch = auto;
      return this;
    }

    /**
     * Sets the default department.
     *
     * @param departmentId the department id
     * @return this builder
     */
    public Builder defaultDepartment(String departmentId) {
      this.defaultDepartment = Optional.of(departmentId);
      return this;
    }

    /**
     * Sets the filing and closing criteria.
     *
     * @param filing when a report becomes a case
     * @param closing when a case may be closed
     * @return this builder
     */
    public Builder criteria(String filing, String closing) {
      this.filingCriteria = filing;
      this.closingCriteria = closing;
      return this;
    }

    /**
     * Builds the item.
     *
     * @return the item
     * @throws IllegalArgumentException when a part is invalid (no category, blank name, ...)
     */
    public Item build() {
      return new Item(
          code,
          name,
          categoryPath,
          level,
          autoDispatch,
          timeLimits,
          defaultDepartment,
          filingCriteria,
          closingCriteria);
    }
  }
}
