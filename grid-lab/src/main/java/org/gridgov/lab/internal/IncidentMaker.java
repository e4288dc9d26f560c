package org.gridgov.lab.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.City;
import org.gridgov.lab.Incident;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.rules.lists.Department;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.lists.ProhibitedEntry;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Draws incidents for one city and spec: where (leaves weighted by households, positions inside the
 * leaf polygon), when (working-day and working-hour peaks), what (items Zipf-weighted), and the
 * world's response. Not thread-safe: one per generated stream.
 */
public final class IncidentMaker {
  /** Relative report intensity by hour of day: peaks 9–11 and 14–17, quiet nights. */
  static final double[] HOURS = {
    0.2, 0.15, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.6, 2.6, 2.8, 2.2, 1.2, 1.3, 2.2, 2.5, 2.3, 1.8, 1.2,
    1.0, 0.8, 0.6, 0.4, 0.3
  };

  private static final SourceChannel[] CHANNELS = {
    SourceChannel.PATROL,
    SourceChannel.HOTLINE_12345,
    SourceChannel.APP_PHOTO,
    SourceChannel.MINI_PROGRAM,
    SourceChannel.GRID_QR_CODE,
    SourceChannel.VIDEO_IOT,
    SourceChannel.SUPERIOR_REFERRAL
  };

  private static final double[] SEVERITY = {50, 30, 15, 5};

  private static final double[] SCOPE = {70, 12, 8, 4, 2, 4};

  private final City city;
  private final CaseStreamSpec spec;
  private final List<GridId> leaves;
  private final double[] leafWeights;
  private final Geometry[] leafShapes;
  private final IndexedPointInAreaLocator[] locators;
  private final Envelope extent;
  private final List<Item> items;
  private final double[] itemWeights;
  private final List<String> outsideCodes;
  private final List<String> departments;
  private final double[] dayWeights;

  public IncidentMaker(City city, CaseStreamSpec spec) {
    this.city = city;
    this.spec = spec;
    this.leaves = city.leaves();
    this.leafWeights = new double[leaves.size()];
    this.leafShapes = new Geometry[leaves.size()];
    this.locators = new IndexedPointInAreaLocator[leaves.size()];
    Envelope e = new Envelope();
    for (int i = 0; i < leaves.size(); i++) {
      Grid g = city.hierarchy().grid(leaves.get(i)).orElseThrow();
      leafWeights[i] = g.households().orElse(400);
      if (leafWeights[i] <= 0) {
        leafWeights[i] = 1;
      }
      if (city.map().isPresent()) {
        leafShapes[i] = city.map().get().geometry(leaves.get(i)).orElseThrow();
        e.expandToInclude(leafShapes[i].getEnvelopeInternal());
      }
    }
    this.extent = e;
    this.items = city.lists().items();
    if (items.isEmpty()) {
      throw new IllegalArgumentException("the city's item list is empty: no case can be reported");
    }
    this.itemWeights = new double[items.size()];
    for (int i = 0; i < items.size(); i++) {
      itemWeights[i] = 1.0 / Math.pow(i + 1, 0.8);
    }
    List<String> outside = new ArrayList<>();
    for (ProhibitedEntry p : city.lists().prohibited()) {
      if (city.lists().item(p.itemCode()).isEmpty() && !outside.contains(p.itemCode())) {
        outside.add(p.itemCode());
      }
    }
    this.outsideCodes = List.copyOf(outside);
    List<String> ds = new ArrayList<>();
    for (Department d : city.lists().departments()) {
      ds.add(d.id());
    }
    this.departments = List.copyOf(ds);
    this.dayWeights = new double[spec.days()];
    for (int d = 0; d < spec.days(); d++) {
      dayWeights[d] = city.calendar().isWorkingDay(spec.start().plusDays(d)) ? 1.0 : 0.35;
    }
  }

  public double[] dayWeights() {
    return dayWeights;
  }

  /** The mean number of incidents of a day. */
  public double meanOn(int day) {
    return spec.casesPerWorkingDay() * dayWeights[day];
  }

  /** A Poisson count with a mean (normal approximation above 30). */
  public static int poisson(Rng r, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      double u = 1 - r.unit();
      double v = r.unit();
      double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
    }
    double limit = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= r.unit();
    } while (p > limit && k < 1000);
    return k - 1;
  }

  /**
   * The leaves incidents are placed in, in id order (the indices {@link #drawLeaf} returns).
   *
   * @return the leaves
   */
  public List<GridId> leaves() {
    return leaves;
  }

  /**
   * The item codes {@link #drawItem} indexes: the city's items, then the prohibited codes outside
   * the list (index {@code −k − 1} is the k-th of those).
   *
   * @param index an index drawn by {@link #drawItem}
   * @return the item code
   */
  public String itemCode(int index) {
    return index >= 0 ? items.get(index).code() : outsideCodes.get(-index - 1);
  }

  /**
   * Draws the leaf of an incident with the weights {@link #make} uses (households).
   *
   * @param r the draws
   * @return an index in {@link #leaves()}
   */
  public int drawLeaf(Rng r) {
    return r.weighted(leafWeights);
  }

  /**
   * Draws the item of an incident as {@link #make} does: 2 % a prohibited code outside the list
   * (when there is one), otherwise an item Zipf-weighted by its place in the list.
   *
   * @param r the draws
   * @return an index for {@link #itemCode(int)}
   */
  public int drawItem(Rng r) {
    if (!outsideCodes.isEmpty() && r.chance(0.02)) {
      return -r.ints(0, outsideCodes.size() - 1) - 1;
    }
    return r.weighted(itemWeights);
  }

  public Incident make(Rng r, int day, String id) {
    LocalDate date = spec.start().plusDays(day);
    boolean working = city.calendar().isWorkingDay(date);
    int hour = r.weighted(HOURS);
    Instant at =
        date.atTime(hour, r.ints(0, 59), r.ints(0, 59)).atZone(city.calendar().zone()).toInstant();
    double[] channelWeights = {
      working && hour >= 8 && hour < 18 ? 40 : 0, 25, 15, 5, 5, 10, working ? 2 : 0
    };
    SourceChannel channel = CHANNELS[r.weighted(channelWeights)];
    int leaf = r.weighted(leafWeights);
    Optional<GeoPoint> location = Optional.empty();
    Optional<GridId> grid = Optional.empty();
    if (city.map().isPresent()) {
      location = Optional.of(r.chance(spec.outsideShare()) ? around(r) : inside(r, leaf));
    } else {
      grid = Optional.of(leaves.get(leaf));
    }
    String reporter =
        switch (channel) {
          case PATROL -> "w:" + leaves.get(leaf).value();
          case VIDEO_IOT -> "iot-" + r.ints(1, 999);
          case SUPERIOR_REFERRAL -> "superior";
          default -> "p-" + r.ints(1, 99_999);
        };
    int drawn = drawItem(r);
    Item item = drawn >= 0 ? items.get(drawn) : null;
    String itemCode = drawn >= 0 ? item.code() : outsideCodes.get(-drawn - 1);
    boolean urgent = r.chance(spec.urgentShare());
    boolean valid = !r.chance(spec.invalidShare());
    CaseSeverity severity = CaseSeverity.values()[r.weighted(SEVERITY)];
    boolean publicChannel =
        channel == SourceChannel.HOTLINE_12345
            || channel == SourceChannel.APP_PHOTO
            || channel == SourceChannel.MINI_PROGRAM
            || channel == SourceChannel.GRID_QR_CODE;
    int attention = 0;
    if (publicChannel && r.chance(0.4)) {
      attention = 1 + (int) Math.min(49, Math.floor(-Math.log(1 - r.unit()) * 3));
    }
    CaseScope scope = CaseScope.values()[r.weighted(SCOPE)];
    GridLevel authority = authority(item, severity, scope, r);
    Optional<String> requesting = Optional.empty();
    if (!departments.isEmpty() && r.chance(0.08)) {
      requesting = Optional.of(departments.get(r.ints(0, departments.size() - 1)));
    }
    boolean misdirected = r.chance(spec.misdirectedShare());
    Duration response = minutes(logUniform(r, 5, 90));
    // effort is a share of the item's normal time limit: matters with long limits take long
    double[] share =
        switch (severity) {
          case SIMPLE -> new double[] {0.05, 0.6};
          case ORDINARY -> new double[] {0.1, 0.9};
          case DIFFICULT -> new double[] {0.2, 1.4};
          case MAJOR -> new double[] {0.3, 2.0};
        };
    double limitMinutes = item == null ? 8 * 60 : limitMinutes(item.timeLimits().normal());
    double effortMinutes = Math.max(10, limitMinutes * logUniform(r, share[0], share[1]));
    List<Duration> reworks = new ArrayList<>();
    if (r.chance(spec.reworkShare())) {
      reworks.add(minutes(effortMinutes * r.between(0.2, 0.6)));
      if (r.chance(0.25)) {
        reworks.add(minutes(effortMinutes * r.between(0.2, 0.6)));
      }
    }
    Optional<Incident.Suspension> suspension = Optional.empty();
    if (r.chance(spec.suspensionShare())) {
      suspension =
          Optional.of(
              new Incident.Suspension(r.between(0.2, 0.8), minutes(r.ints(1, 10) * 8 * 60.0)));
    }
    double ratingDraw = Math.min(r.unit(), 0.999_999);
    boolean followUp = r.chance(spec.followUpShare());
    int reverseGrade = r.ints(50, 100);
    return new Incident(
        id,
        itemCode,
        channel,
        reporter,
        at,
        location,
        grid,
        urgent,
        valid,
        severity,
        attention,
        scope,
        authority,
        requesting,
        misdirected,
        response,
        minutes(effortMinutes),
        reworks,
        suspension,
        ratingDraw,
        followUp,
        reverseGrade);
  }

  /**
   * The lowest level that may settle the matter: the item's level, raised by severity and scope.
   */
  private GridLevel authority(Item item, CaseSeverity severity, CaseScope scope, Rng r) {
    LevelLadder ladder = city.hierarchy().ladder();
    GridLevel base = item == null ? GridLevel.CITY : item.level();
    if (!ladder.contains(base)) {
      base = ladder.levels().get(0);
    }
    int up =
        switch (severity) {
          case SIMPLE, ORDINARY -> 0;
          case DIFFICULT -> r.chance(0.5) ? 1 : 0;
          case MAJOR -> 2;
        };
    GridLevel level = base;
    for (int i = 0; i < up; i++) {
      level = ladder.above(level).orElse(level);
    }
    GridLevel needed =
        switch (scope) {
          case IN_GRID, CROSS_GRID -> level;
          case CROSS_COMMUNITY, CROSS_DEPARTMENT -> GridLevel.STREET;
          case CROSS_STREET -> GridLevel.DISTRICT;
          case CROSS_DISTRICT -> GridLevel.CITY;
        };
    if (ladder.contains(needed) && ladder.rank(needed) < ladder.rank(level)) {
      level = needed;
    }
    return level;
  }

  private GeoPoint inside(Rng r, int leaf) {
    Geometry shape = leafShapes[leaf];
    Envelope env = shape.getEnvelopeInternal();
    if (locators[leaf] == null) {
      locators[leaf] = new IndexedPointInAreaLocator(shape);
    }
    for (int attempt = 0; attempt < 32; attempt++) {
      double lon = env.getMinX() + r.unit() * env.getWidth();
      double lat = env.getMinY() + r.unit() * env.getHeight();
      if (locators[leaf].locate(new Coordinate(lon, lat)) == Location.INTERIOR) {
        return GeoPoint.of(lon, lat);
      }
    }
    Coordinate c = shape.getInteriorPoint().getCoordinate();
    return GeoPoint.of(c.x, c.y);
  }

  /** A position anywhere in the city's box grown by a tenth: near the edge, or just outside. */
  private GeoPoint around(Rng r) {
    double w = extent.getWidth() * 0.1;
    double h = extent.getHeight() * 0.1;
    double lon = extent.getMinX() - w / 2 + r.unit() * (extent.getWidth() + w);
    double lat = extent.getMinY() - h / 2 + r.unit() * (extent.getHeight() + h);
    return GeoPoint.of(lon, lat);
  }

  /** A limit in working minutes; calendar hours count as working hours, days as 8 hours. */
  private double limitMinutes(org.gridgov.core.time.TimeLimit limit) {
    return switch (limit.unit()) {
      case WORKING_HOURS, CALENDAR_HOURS -> limit.amount() * 60.0;
      case WORKING_DAYS -> limit.amount() * city.calendar().workingDayLength().toMinutes();
    };
  }

  private static double logUniform(Rng r, double lo, double hi) {
    return Math.exp(Math.log(lo) + r.unit() * (Math.log(hi) - Math.log(lo)));
  }

  private static Duration minutes(double m) {
    return Duration.ofSeconds(Math.max(60, Math.round(m * 60)));
  }
}
