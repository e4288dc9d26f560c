package org.gridgov.lab.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridgov.core.GridLevel;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.lab.internal.Rng;
import org.gridgov.rules.lists.AccessEntry;
import org.gridgov.rules.lists.AuthorityEntry;
import org.gridgov.rules.lists.Department;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.lists.PowerType;
import org.gridgov.rules.lists.ProhibitedEntry;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;

/**
 * Generators of the three lists (三张清单, docs/domain.md §2): departments, an item list with standard
 * codes (2-digit major class + 3-digit minor class) in the nine urban-management categories, time
 * limits in working hours and days (docs/domain.md §7), an authority entry per item, access entries
 * at the grid levels for admitted items, and prohibited entries for items that must not be pushed
 * down (plus a few matters that are not grid items at all, such as issuing certificates).
 *
 * <p>Without requested defects the lists are consistent: {@code ListConsistencyChecker} finds
 * nothing on any date from {@link #IN_FORCE_FROM}. With {@link Builder#defects(Set)} each chosen
 * kind is planted once. Lists shrink to fewer items.
 *
 * <p>Stateless and thread-safe.
 */
public final class ListGens {
  /** The day every generated access entry takes effect. */
  public static final LocalDate IN_FORCE_FROM = LocalDate.of(2020, 1, 1);

  /**
   * The nine categories (大类) of urban-management problems, as the shipped dispatch table names
   * them.
   */
  public static final List<String> CATEGORIES =
      List.of("市容环境", "宣传广告", "施工管理", "突发事件", "街面秩序", "园林绿化", "道路交通", "房屋土地", "公用设施");

  /** The grid agency (网格化服务管理中心) that approves access entries. */
  public static final String GRID_AGENCY = "WGZX";

  /** Time limits the generator draws from, shortest first (docs/domain.md §7). */
  static final List<TimeLimit> LIMITS =
      List.of(
          TimeLimit.workingHours(2),
          TimeLimit.workingHours(4),
          TimeLimit.workingHours(8),
          TimeLimit.workingDays(1),
          TimeLimit.workingDays(2),
          TimeLimit.workingDays(3),
          TimeLimit.workingDays(5),
          TimeLimit.workingDays(7),
          TimeLimit.workingDays(20));

  private static final List<GridLevel> ITEM_LEVELS =
      List.of(GridLevel.COMPOUND, GridLevel.COMMUNITY, GridLevel.STREET, GridLevel.CITY);

  private static final double[] LEVEL_WEIGHTS = {3, 3, 2.5, 1.5};

  private static final List<String[]> NOT_GRID_MATTERS =
      List.of(
          new String[] {"90001", "证明开具", "issuing certificates is not a grid task"},
          new String[] {"90002", "费用收缴", "collecting fees is not a grid task"},
          new String[] {"90003", "行政处罚", "penalties must not be delegated to grid workers"});

  private ListGens() {}

  /** Defects that {@link Builder#defects(Set)} can plant; each is found by the checker. */
  public enum Defect {
    /** Two items share a code. */
    DUPLICATE_ITEM_CODE,
    /** An auto-dispatched item has no authority entry. */
    AUTO_DISPATCH_WITHOUT_AUTHORITY,
    /** An item is both on the access list and on the prohibited list. */
    ADMITTED_AND_PROHIBITED,
    /** An item names a department that is not in the department list. */
    UNKNOWN_DEPARTMENT
  }

  /** What one generated item looks like before codes are assigned. */
  private record ItemSpec(
      int category,
      int level,
      boolean auto,
      int limit,
      int urgentLimit,
      int department,
      boolean admitted,
      boolean prohibited,
      boolean temporary,
      int power) {}

  /**
   * Lists of 3–30 items and 2–6 departments, no defects.
   *
   * @return the generator
   */
  public static Gen<GovernanceLists> lists() {
    return builder().build();
  }

  /**
   * A builder with the defaults of {@link #lists()}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Generates lists outside a property, for sample data.
   *
   * @param items how many items
   * @param departments how many departments
   * @param seed the seed
   * @return consistent lists
   */
  public static GovernanceLists generate(int items, int departments, long seed) {
    if (items < 1 || departments < 1) {
      throw new IllegalArgumentException("need at least one item and one department");
    }
    Rng rng = Rng.of(new SplittableRandom(seed));
    List<ItemSpec> specs = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      specs.add(spec(rng));
    }
    return assemble(specs, departments, 2, Set.of());
  }

  private static ItemSpec spec(Rng r) {
    int category = r.ints(0, CATEGORIES.size() - 1);
    int level = r.weighted(LEVEL_WEIGHTS);
    boolean auto = r.chance(0.4);
    int limit = r.ints(0, LIMITS.size() - 1);
    int urgent = r.ints(0, limit);
    int department = r.ints(0, 63);
    boolean admitted = r.chance(0.7);
    boolean prohibited = !admitted && r.chance(0.5);
    boolean temporary = admitted && r.chance(0.1);
    int power = r.ints(0, 2);
    return new ItemSpec(
        category, level, auto, limit, urgent, department, admitted, prohibited, temporary, power);
  }

  private static GovernanceLists assemble(
      List<ItemSpec> specs, int departmentCount, int notGridMatters, Set<Defect> defects) {
    GovernanceLists.Builder b = GovernanceLists.builder();
    List<String> departments = new ArrayList<>();
    for (int d = 0; d < departmentCount; d++) {
      String id = String.format("D%02d", d + 1);
      departments.add(id);
      b.department(new Department(id, "职能部门" + (d + 1), GridLevel.CITY, true));
    }
    b.department(new Department(GRID_AGENCY, "网格化服务管理中心", GridLevel.CITY, false));
    int[] perCategory = new int[CATEGORIES.size()];
    PowerType[] powers = {PowerType.SERVICE, PowerType.INSPECTION, PowerType.PENALTY};
    Set<GridLevel> gridLevels =
        new LinkedHashSet<>(List.of(GridLevel.COMMUNITY, GridLevel.COMPOUND, GridLevel.MICRO));
    String firstCode = null;
    boolean plantedAdmittedAndProhibited = false;
    for (int i = 0; i < specs.size(); i++) {
      ItemSpec s = specs.get(i);
      String code = String.format("%02d%03d", s.category() + 1, ++perCategory[s.category()]);
      String department = departments.get(s.department() % departments.size());
      boolean unknownDepartment = i == 0 && defects.contains(Defect.UNKNOWN_DEPARTMENT);
      boolean noAuthority = i == 0 && defects.contains(Defect.AUTO_DISPATCH_WITHOUT_AUTHORITY);
      Item item =
          Item.builder(
                  code,
                  CATEGORIES.get(s.category()) + "事项" + perCategory[s.category()],
                  ITEM_LEVELS.get(s.level()),
                  new TimeLimits(LIMITS.get(s.limit()), LIMITS.get(s.urgentLimit())))
              .category(CATEGORIES.get(s.category()), "小类" + (s.category() + 1))
              .autoDispatch(s.auto() || noAuthority)
              .defaultDepartment(unknownDepartment ? "D99" : department)
              .build();
      b.item(item);
      if (firstCode == null) {
        firstCode = code;
      }
      if (!noAuthority) {
        b.authority(
            new AuthorityEntry(
                code, GridLevel.CITY, List.of(department), powers[s.power()], "", List.of()));
      }
      boolean plantConflict =
          defects.contains(Defect.ADMITTED_AND_PROHIBITED) && !plantedAdmittedAndProhibited;
      if (s.admitted() || plantConflict) {
        for (GridLevel level : List.of(GridLevel.COMMUNITY, GridLevel.COMPOUND)) {
          b.access(
              new AccessEntry(
                  code,
                  level,
                  department,
                  GRID_AGENCY,
                  IN_FORCE_FROM,
                  s.temporary() ? Optional.of(LocalDate.of(2099, 12, 31)) : Optional.empty(),
                  s.temporary(),
                  true));
        }
      }
      if ((s.prohibited() && !s.admitted()) || plantConflict) {
        b.prohibited(
            new ProhibitedEntry(
                code, item.name(), gridLevels, "the department must handle it itself"));
        plantedAdmittedAndProhibited |= plantConflict;
      }
    }
    if (defects.contains(Defect.DUPLICATE_ITEM_CODE) && firstCode != null) {
      b.item(
          Item.builder(firstCode, "重复事项", GridLevel.COMMUNITY, TimeLimits.of(LIMITS.get(3)))
              .category(CATEGORIES.get(0))
              .defaultDepartment(departments.get(0))
              .build());
    }
    for (int k = 0; k < notGridMatters && k < NOT_GRID_MATTERS.size(); k++) {
      String[] m = NOT_GRID_MATTERS.get(k);
      b.prohibited(new ProhibitedEntry(m[0], m[1], Set.of(), m[2]));
    }
    return b.build();
  }

  /** Configures list generators. Not thread-safe. */
  public static final class Builder {
    private int minItems = 3;
    private int maxItems = 30;
    private int minDepartments = 2;
    private int maxDepartments = 6;
    private Set<Defect> defects = EnumSet.noneOf(Defect.class);

    private Builder() {}

    /**
     * The number of items.
     *
     * @param min at least 1
     * @param max at least {@code min}, at most 999
     * @return this builder
     */
    public Builder items(int min, int max) {
      if (min < 1 || max < min || max > 999) {
        throw new IllegalArgumentException(
            "items needs 1 <= min <= max <= 999: " + min + ".." + max);
      }
      minItems = min;
      maxItems = max;
      return this;
    }

    /**
     * The number of functional departments (the grid agency comes on top).
     *
     * @param min at least 1
     * @param max at least {@code min}, at most 64
     * @return this builder
     */
    public Builder departments(int min, int max) {
      if (min < 1 || max < min || max > 64) {
        throw new IllegalArgumentException(
            "departments needs 1 <= min <= max <= 64: " + min + ".." + max);
      }
      minDepartments = min;
      maxDepartments = max;
      return this;
    }

    /**
     * Defects to plant, once each.
     *
     * @param kinds the defects
     * @return this builder
     */
    public Builder defects(Set<Defect> kinds) {
      defects = kinds.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(kinds);
      return this;
    }

    /**
     * The generator.
     *
     * @return lists as configured
     */
    public Gen<GovernanceLists> build() {
      Gen<ItemSpec> item = src -> spec(SourceRng.of(src));
      Gen<List<ItemSpec>> items = Gens.lists(item, minItems, maxItems);
      Gen<Integer> departments = Gens.integers(minDepartments, maxDepartments);
      Gen<Integer> notGrid = Gens.integers(0, NOT_GRID_MATTERS.size());
      Set<Defect> d = Set.copyOf(defects);
      return Gens.combine(items, departments, notGrid, (is, ds, ng) -> assemble(is, ds, ng, d));
    }
  }
}
