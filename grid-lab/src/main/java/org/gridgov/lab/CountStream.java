package org.gridgov.lab;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.geo.GridAdjacency;
import org.gridgov.geo.GridMap;
import org.gridgov.lab.internal.IncidentMaker;
import org.gridgov.lab.internal.Rng;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.lists.ProhibitedEntry;
import org.gridgov.watch.DayCounts;

/**
 * Daily case counts per unit (a grid at one level) and category over a period: the stream an
 * early-warning {@link org.gridgov.watch.Watch} is fed, one {@link DayCounts} a day. {@link
 * #generate} counts the lab's generated incidents ({@link CaseStream#generate}) over a city, so the
 * background has the generator's working-day and holiday pattern (rest days bring about a third of
 * a working day's cases, on the city's {@link WorkCalendar}), its household-weighted places and its
 * Zipf-weighted mix of items; {@link #withOutbreaks} adds {@link Outbreak}s on top. The stream also
 * knows which units share a border (from the city's map), for outbreaks over adjacent units.
 *
 * <p>Immutable and thread-safe; {@code equals} compares every count.
 */
public final class CountStream {

  /** How an incident's item code becomes the category it is counted under. */
  public enum CategoryKey {
    /** The item code itself ({@code 01001}). */
    ITEM,
    /**
     * The major class (大类): the two leading digits of a standard code ({@code 01}); a code that is
     * not standard is its own class.
     */
    MAJOR_CLASS;

    /**
     * The category of an item code.
     *
     * @param itemCode the code
     * @return the key it is counted under
     */
    public String keyOf(String itemCode) {
      Objects.requireNonNull(itemCode, "itemCode");
      return this == MAJOR_CLASS && Item.isStandardCode(itemCode)
          ? itemCode.substring(0, 2)
          : itemCode;
    }
  }

  private final LocalDate start;
  private final WorkCalendar calendar;
  private final List<String> units;
  private final List<String> categories;
  private final Map<String, List<String>> neighbours;
  private final Map<String, Integer> unitIndex;
  private final Map<String, Integer> categoryIndex;
  private final int[][] counts;
  private final boolean[] working;
  private final double[][] baselines;

  private CountStream(
      LocalDate start,
      WorkCalendar calendar,
      List<String> units,
      List<String> categories,
      Map<String, List<String>> neighbours,
      int[][] counts) {
    this.start = start;
    this.calendar = calendar;
    this.units = units;
    this.categories = categories;
    this.neighbours = neighbours;
    this.counts = counts;
    this.unitIndex = index(units);
    this.categoryIndex = index(categories);
    this.working = new boolean[counts.length];
    int[] kindDays = new int[2];
    double[][] sums = new double[2][units.size() * categories.size()];
    double[] all = new double[units.size() * categories.size()];
    for (int d = 0; d < counts.length; d++) {
      working[d] = calendar.isWorkingDay(start.plusDays(d));
      int k = working[d] ? 1 : 0;
      kindDays[k]++;
      for (int i = 0; i < all.length; i++) {
        sums[k][i] += counts[d][i];
        all[i] += counts[d][i];
      }
    }
    for (int k = 0; k < 2; k++) {
      for (int i = 0; i < all.length; i++) {
        sums[k][i] = kindDays[k] > 0 ? sums[k][i] / kindDays[k] : all[i] / counts.length;
      }
    }
    this.baselines = sums;
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), i);
    }
    return m;
  }

  /**
   * A stream from counts.
   *
   * @param start the first day
   * @param calendar the working calendar (working days and rest days have separate baselines)
   * @param units the unit ids, distinct, at least one
   * @param categories the category keys, distinct, at least one
   * @param neighbours for each unit the units sharing a border with it (symmetric is not required;
   *     a unit missing from the map has none); only units of the stream, never itself
   * @param counts {@code counts[day][unit * categories.size() + category]}, at least one day, every
   *     count ≥ 0
   * @return the stream, holding copies
   */
  public static CountStream of(
      LocalDate start,
      WorkCalendar calendar,
      List<String> units,
      List<String> categories,
      Map<String, List<String>> neighbours,
      int[][] counts) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(calendar, "calendar");
    List<String> us = List.copyOf(units);
    List<String> cs = List.copyOf(categories);
    checkArgument(!us.isEmpty(), "a count stream needs at least one unit");
    checkArgument(!cs.isEmpty(), "a count stream needs at least one category");
    checkArgument(new HashSet<>(us).size() == us.size(), "units must be distinct: %s", us);
    checkArgument(new HashSet<>(cs).size() == cs.size(), "categories must be distinct: %s", cs);
    checkArgument(counts.length >= 1, "a count stream covers at least one day");
    Map<String, List<String>> nb = new TreeMap<>();
    Set<String> known = Set.copyOf(us);
    neighbours.forEach(
        (u, list) -> {
          checkArgument(known.contains(u), "neighbours of %s, which is not a unit", u);
          for (String v : list) {
            checkArgument(
                known.contains(v) && !v.equals(u), "%s cannot be a neighbour of %s", v, u);
          }
          nb.put(u, List.copyOf(new TreeSet<>(list)));
        });
    int width = us.size() * cs.size();
    int[][] copy = new int[counts.length][];
    for (int d = 0; d < counts.length; d++) {
      checkArgument(
          counts[d].length == width,
          "day %s has %s counts, expected units × categories = %s",
          d,
          counts[d].length,
          width);
      for (int v : counts[d]) {
        checkArgument(v >= 0, "day %s has a negative count: %s", d, v);
      }
      copy[d] = counts[d].clone();
    }
    return new CountStream(start, calendar, us, cs, Collections.unmodifiableMap(nb), copy);
  }

  /**
   * Generates a background from the lab's incident generator's arrival process (the process of
   * {@link CaseStream#generate}: per day a Poisson number of incidents with the spec's mean, rest
   * days a third of a working day on the city's calendar, each placed in a leaf weighted by its
   * households and given an item Zipf-weighted by its place in the list, 2 % a prohibited code
   * outside the list). Only the place and the item are drawn, not the whole incident (which is 40
   * times slower and counts the same: an incident is reported on its own day), so the counts have
   * the generator's distribution but not the very incidents {@link CaseStream#generate} gives for
   * the same seed; {@link #count} counts those. Every report counts, invalid ones included (they
   * arrive all the same). The categories are every key the city's item list (and the prohibited
   * entries outside it) can give, so streams of one city have the same cells whatever their seed.
   * Neighbours come from the city's map (units whose polygons share a stretch of border); a city
   * without a map has none.
   *
   * @param city the city
   * @param spec the period and volume
   * @param level the level of the units counted (such as {@code community}); on every leaf's path
   * @param key how items become categories
   * @param seed the seed
   * @return the counts
   */
  public static CountStream generate(
      City city, CaseStreamSpec spec, GridLevel level, CategoryKey key, long seed) {
    Cells cells = cells(city, level, key);
    City placed = City.withoutMap(city.name(), city.hierarchy(), city.lists(), city.calendar());
    IncidentMaker maker = new IncidentMaker(placed, spec);
    int[] unitOfLeaf = new int[maker.leaves().size()];
    for (int i = 0; i < unitOfLeaf.length; i++) {
      unitOfLeaf[i] = cells.unitOfLeaf.get(maker.leaves().get(i));
    }
    Map<Integer, Integer> categoryOfItem = new HashMap<>();
    int width = cells.categories.size();
    int[][] counts = new int[spec.days()][cells.units.size() * width];
    SplittableRandom root = new SplittableRandom(seed);
    for (int d = 0; d < spec.days(); d++) {
      Rng day = Rng.of(root.split());
      int n = IncidentMaker.poisson(day, maker.meanOn(d));
      for (int i = 0; i < n; i++) {
        int unit = unitOfLeaf[maker.drawLeaf(day)];
        int item = maker.drawItem(day);
        int category =
            categoryOfItem.computeIfAbsent(
                item, k -> cells.categoryIndex.get(key.keyOf(maker.itemCode(k))));
        counts[d][unit * width + category]++;
      }
    }
    return new CountStream(
        spec.start(), city.calendar(), cells.units, cells.categories, cells.neighbours, counts);
  }

  /**
   * Counts incidents: each on the local date of its report time in the calendar's zone, in the grid
   * at {@code level} above its leaf, under its item's category key. Incidents outside the stream's
   * days, or without a grid (located by position only), are not counted. Units, categories and
   * neighbours as in {@link #generate}.
   *
   * @param city the city the stream was generated for
   * @param stream the incidents
   * @param level the level of the units
   * @param key how items become categories
   * @return the counts
   */
  public static CountStream count(City city, CaseStream stream, GridLevel level, CategoryKey key) {
    Objects.requireNonNull(stream, "stream");
    Cells cells = cells(city, level, key);
    int width = cells.categories.size();
    int[][] counts = new int[stream.days()][cells.units.size() * width];
    for (Incident i : stream.incidents()) {
      long d =
          LocalDate.ofInstant(i.reportedAt(), city.calendar().zone()).toEpochDay()
              - stream.start().toEpochDay();
      if (d < 0 || d >= stream.days() || i.grid().isEmpty()) {
        continue;
      }
      Integer u = cells.unitOfLeaf.get(i.grid().get());
      Integer c = cells.categoryIndex.get(key.keyOf(i.itemCode()));
      if (u != null && c != null) {
        counts[(int) d][u * width + c]++;
      }
    }
    return new CountStream(
        stream.start(), city.calendar(), cells.units, cells.categories, cells.neighbours, counts);
  }

  /** The units, categories and neighbours of a city counted at a level. */
  private record Cells(
      List<String> units,
      List<String> categories,
      Map<GridId, Integer> unitOfLeaf,
      Map<String, Integer> categoryIndex,
      Map<String, List<String>> neighbours) {}

  private static Cells cells(City city, GridLevel level, CategoryKey key) {
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(key, "key");
    Map<GridId, String> unitOf = new HashMap<>();
    TreeSet<String> unitSet = new TreeSet<>();
    for (GridId leaf : city.leaves()) {
      Optional<GridId> unit = city.ancestorAt(leaf, level);
      checkArgument(
          unit.isPresent(), "level %s is not on the path of leaf %s", level.name(), leaf.value());
      unitOf.put(leaf, unit.get().value());
      unitSet.add(unit.get().value());
    }
    TreeSet<String> catSet = new TreeSet<>();
    for (Item i : city.lists().items()) {
      catSet.add(key.keyOf(i.code()));
    }
    for (ProhibitedEntry p : city.lists().prohibited()) {
      if (city.lists().item(p.itemCode()).isEmpty()) {
        catSet.add(key.keyOf(p.itemCode()));
      }
    }
    List<String> us = List.copyOf(unitSet);
    List<String> cs = List.copyOf(catSet);
    Map<String, Integer> ui = index(us);
    Map<GridId, Integer> unitOfLeaf = new HashMap<>();
    unitOf.forEach((leaf, unit) -> unitOfLeaf.put(leaf, ui.get(unit)));
    Map<String, List<String>> nb =
        city.map().map(m -> adjacency(m, level, us)).orElseGet(Collections::emptyMap);
    return new Cells(us, cs, unitOfLeaf, index(cs), Collections.unmodifiableMap(nb));
  }

  /**
   * Units whose boundaries share a segment, as grid-geo's {@link GridAdjacency} finds them
   * (generated maps draw shared borders vertex for vertex, so every pair sharing a stretch of
   * border is found).
   */
  private static Map<String, List<String>> adjacency(
      GridMap map, GridLevel level, List<String> units) {
    Set<String> known = new HashSet<>(units);
    Map<String, List<String>> out = new TreeMap<>();
    GridAdjacency.of(map, level)
        .borders()
        .forEach(
            (u, ns) -> {
              if (known.contains(u)) {
                List<String> mine = ns.stream().filter(known::contains).sorted().toList();
                if (!mine.isEmpty()) {
                  out.put(u, mine);
                }
              }
            });
    return out;
  }

  /**
   * This stream with outbreaks added: on each day of an outbreak (clipped to the stream's end),
   * each of its units gets a Poisson number of extra cases of its category with mean {@link
   * Outbreak.Size#extraMean} of the cell's {@link #baseline} on that kind of day. Counts are only
   * ever raised. Each outbreak draws from its own split of the seed, so the draws of one outbreak
   * do not depend on those after it.
   *
   * @param outbreaks the outbreaks, over this stream's units and categories, each starting within
   *     the stream
   * @param seed the seed of the extra cases
   * @return the stream with the outbreaks (equal to this one for no outbreaks)
   */
  public CountStream withOutbreaks(List<Outbreak> outbreaks, long seed) {
    List<Outbreak> list = List.copyOf(outbreaks);
    int[][] out = new int[counts.length][];
    for (int d = 0; d < counts.length; d++) {
      out[d] = counts[d].clone();
    }
    SplittableRandom root = new SplittableRandom(seed);
    int width = categories.size();
    for (Outbreak o : list) {
      Rng r = Rng.of(root.split());
      Integer c = categoryIndex.get(o.category());
      checkArgument(c != null, "outbreak %s: no category %s in the stream", o, o.category());
      int[] us = new int[o.units().size()];
      for (int k = 0; k < us.length; k++) {
        Integer u = unitIndex.get(o.units().get(k));
        checkArgument(u != null, "outbreak %s: no unit %s in the stream", o, o.units().get(k));
        us[k] = u;
      }
      long first = o.start().toEpochDay() - start.toEpochDay();
      checkArgument(
          first >= 0 && first < counts.length,
          "outbreak %s starts outside the stream (%s + %s days)",
          o,
          start,
          counts.length);
      long last = Math.min(counts.length - 1L, first + o.days() - 1L);
      for (int d = (int) first; d <= last; d++) {
        int k = working[d] ? 1 : 0;
        for (int u : us) {
          int cell = u * width + c;
          int extra = IncidentMaker.poisson(r, o.size().extraMean(baselines[k][cell]));
          out[d][cell] = Math.addExact(out[d][cell], extra);
        }
      }
    }
    return new CountStream(start, calendar, units, categories, neighbours, out);
  }

  /**
   * The first day.
   *
   * @return the day
   */
  public LocalDate start() {
    return start;
  }

  /**
   * The number of days.
   *
   * @return at least 1
   */
  public int days() {
    return counts.length;
  }

  /**
   * The working calendar.
   *
   * @return the calendar
   */
  public WorkCalendar calendar() {
    return calendar;
  }

  /**
   * The units, in index order.
   *
   * @return the unit ids, unmodifiable
   */
  public List<String> units() {
    return units;
  }

  /**
   * The categories, in index order.
   *
   * @return the category keys, unmodifiable
   */
  public List<String> categories() {
    return categories;
  }

  /**
   * The units sharing a border with a unit.
   *
   * @param unit a unit of the stream
   * @return its neighbours in id order, empty when none are known
   */
  public List<String> neighbours(String unit) {
    checkArgument(unitIndex.containsKey(unit), "no unit %s in the stream", unit);
    return neighbours.getOrDefault(unit, List.of());
  }

  /**
   * A cell's count on a day.
   *
   * @param day the day index, 0 to {@code days() − 1}
   * @param unit a unit of the stream
   * @param category a category of the stream
   * @return the cases, ≥ 0
   */
  public int count(int day, String unit, String category) {
    checkArgument(
        day >= 0 && day < counts.length, "day %s is outside 0..%s", day, counts.length - 1);
    return counts[day][cell(unit, category)];
  }

  /**
   * A cell's baseline: its mean count on this stream's days of one kind.
   *
   * @param unit a unit
   * @param category a category
   * @param workingDay working days (make-up days included) or rest days (weekends, holidays)
   * @return the mean cases a day (the mean over all days when the stream has none of that kind)
   */
  public double baseline(String unit, String category, boolean workingDay) {
    return baselines[workingDay ? 1 : 0][cell(unit, category)];
  }

  /**
   * Whether a day is a working day on the stream's calendar.
   *
   * @param day the day index
   * @return whether it is a working day
   */
  public boolean isWorkingDay(int day) {
    checkArgument(
        day >= 0 && day < counts.length, "day %s is outside 0..%s", day, counts.length - 1);
    return working[day];
  }

  /**
   * All cases of the stream.
   *
   * @return the sum of every count
   */
  public long total() {
    long t = 0;
    for (int[] row : counts) {
      for (int v : row) {
        t += v;
      }
    }
    return t;
  }

  /**
   * One day's counts as a watch is fed them: the cells with cases, unit by unit, channels together.
   *
   * @param day the day index
   * @return the counts
   */
  public DayCounts dayCounts(int day) {
    checkArgument(
        day >= 0 && day < counts.length, "day %s is outside 0..%s", day, counts.length - 1);
    DayCounts.Builder b = DayCounts.builder(start.plusDays(day));
    int width = categories.size();
    for (int u = 0; u < units.size(); u++) {
      for (int c = 0; c < width; c++) {
        b.add(units.get(u), categories.get(c), counts[day][u * width + c]);
      }
    }
    return b.build();
  }

  private int cell(String unit, String category) {
    Integer u = unitIndex.get(unit);
    Integer c = categoryIndex.get(category);
    checkArgument(u != null, "no unit %s in the stream", unit);
    checkArgument(c != null, "no category %s in the stream", category);
    return u * categories.size() + c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountStream s
        && start.equals(s.start)
        && calendar.equals(s.calendar)
        && units.equals(s.units)
        && categories.equals(s.categories)
        && neighbours.equals(s.neighbours)
        && Arrays.deepEquals(counts, s.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, units, categories, Arrays.deepHashCode(counts));
  }

  @Override
  public String toString() {
    return "CountStream["
        + start
        + " + "
        + counts.length
        + " days, "
        + units.size()
        + " units × "
        + categories.size()
        + " categories, "
        + total()
        + " cases]";
  }
}
