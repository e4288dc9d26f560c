package org.gridgov.cli.demo;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.gridgov.core.GridId;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.lab.LoopResult;
import org.gridgov.lab.RankingResult;
import org.gridgov.scoring.UnitKind;

/**
 * Everything one demo run computed: the sample, the reports, the loop's result (every case with its
 * trail, the summary, the rankings) and the demo's own tallies (stages, intake, channels, months,
 * cases per grid). The report writers read only this. Immutable.
 *
 * @param sample the sample city
 * @param options the options
 * @param reports the reports as received, in stream order
 * @param loop the case loop's result, runs in the same order
 * @param periodEnd the end of the period, exclusive
 * @param stages how many cases reached each stage, and the side roads
 * @param intake how positions were received and located
 * @param channels reports per channel
 * @param months reports per month of the period
 * @param casesByLeaf filed cases per leaf grid (every leaf, zeros included)
 * @param casesByExclusive filed cases inside each exclusive grid
 * @param openAtEnd cases not yet closed or rejected when the period ended (the loop still runs them
 *     to their end; they are listed so that nothing is silently cut off)
 * @param settledInCommunity closed cases that never left the community: settled by the grid or the
 *     community, or whistled up to the community and settled there (大事不出社区)
 * @param ratings ratings given at the follow-up visit
 * @param credit the sample's credit ledger replayed to the end of the period
 * @param org the sample's organisation on the grids checked on the period's last day, and its party
 *     branches rated for the period's year with the grids' scores
 * @param watch the early warning over the year's reports with planted outbreaks (grid-watch)
 * @param risk risk control on the period's last day (grid-risk), when the sample's risk files are
 *     bundled
 */
public record DemoResult(
    SampleCity sample,
    DemoOptions options,
    List<Report> reports,
    LoopResult loop,
    Instant periodEnd,
    Map<Stage, Integer> stages,
    Intake intake,
    Map<SourceChannel, Integer> channels,
    SortedMap<String, Integer> months,
    SortedMap<GridId, Integer> casesByLeaf,
    SortedMap<GridId, Integer> casesByExclusive,
    List<String> openAtEnd,
    int settledInCommunity,
    Map<Rating, Integer> ratings,
    Credit credit,
    Org org,
    Watch watch,
    Optional<Risk> risk) {

  /** The stages of the case loop (事件闭环) and its side roads, in the order they are reported. */
  public enum Stage {
    /** Reported (上报). */
    REPORTED("reported", "上报"),
    /** Filed (立案). */
    FILED("filed", "立案"),
    /** Dispatched (派遣). */
    DISPATCHED("dispatched", "派遣"),
    /** Accepted by a handler (签收处置). */
    HANDLED("handled", "处置"),
    /** Fed back (反馈). */
    FED_BACK("fed back", "反馈"),
    /** Verified (核查). */
    VERIFIED("verified", "核查"),
    /** Closed (结案). */
    CLOSED("closed", "结案"),
    /** Rated at the follow-up visit (评价). */
    RATED("rated", "评价"),
    /** Rejected at filing (不予立案). */
    REJECTED("rejected", "不予立案"),
    /** Sent back by the first handler as not theirs (退回). */
    RETURNED("returned", "退回"),
    /** Suspended for a while (挂账/缓办). */
    SUSPENDED("suspended", "缓办"),
    /** Sent back at verification for rework (返工). */
    REWORKED("reworked", "返工"),
    /** Escalated by a whistle (吹哨). */
    ESCALATED("escalated", "吹哨");

    private final String english;
    private final String chinese;

    Stage(String english, String chinese) {
      this.english = english;
      this.chinese = chinese;
    }

    /**
     * The English label.
     *
     * @return the label
     */
    public String english() {
      return english;
    }

    /**
     * The Chinese term.
     *
     * @return the term
     */
    public String chinese() {
      return chinese;
    }

    /**
     * Whether the stage is on the main road of the loop (not a side road).
     *
     * @return true for reported … rated
     */
    public boolean mainRoad() {
      return ordinal() <= RATED.ordinal();
    }
  }

  /**
   * How positions arrived and were located.
   *
   * @param byCrs reports per coordinate system
   * @param misplacedWithoutConversion converted reports that would have landed in another grid (or
   *     outside) had their coordinates been taken as WGS-84
   * @param patrolPoint reports made at a patrol point
   * @param outsideEdge reports placed outside the town's edge
   * @param snapped reports outside every grid snapped to the nearest grid
   * @param rejectedOutside reports too far outside, refused
   * @param onBorder reports exactly on a shared border
   */
  public record Intake(
      Map<CoordinateSystem, Integer> byCrs,
      int misplacedWithoutConversion,
      int patrolPoint,
      int outsideEdge,
      int snapped,
      int rejectedOutside,
      int onBorder) {
    /**
     * Copies the map.
     *
     * @param byCrs per system
     * @param misplacedWithoutConversion misplaced without conversion
     * @param patrolPoint at patrol points
     * @param outsideEdge outside the edge
     * @param snapped snapped
     * @param rejectedOutside refused outside
     * @param onBorder on a border
     */
    public Intake {
      EnumMap<CoordinateSystem, Integer> m = new EnumMap<>(CoordinateSystem.class);
      m.putAll(byCrs);
      byCrs = Collections.unmodifiableMap(m);
    }

    /**
     * Reports that needed a coordinate conversion.
     *
     * @return GCJ-02 and BD-09 reports
     */
    public int converted() {
      return byCrs.getOrDefault(CoordinateSystem.GCJ02, 0)
          + byCrs.getOrDefault(CoordinateSystem.BD09, 0);
    }
  }

  /**
   * The sample's resident credit points (居民信用积分) as of the last day of the period: the ledger
   * replayed under the sample's scheme, posts and calendar, and the residents of each community by
   * level.
   *
   * @param asOf the last day replayed (to its end)
   * @param entries the entries replayed
   * @param residents the residents with a credit file (at least one entry) by then
   * @param openAppeals appeals filed and not yet decided
   * @param levels the scheme's level names, highest first
   * @param byCommunity residents per level (every level, zeros included) for each community, in id
   *     order
   */
  public record Credit(
      java.time.LocalDate asOf,
      long entries,
      int residents,
      int openAppeals,
      List<String> levels,
      SortedMap<GridId, Map<String, Integer>> byCommunity) {
    /**
     * Copies the collections.
     *
     * @param asOf the day
     * @param entries the entries
     * @param residents the residents
     * @param openAppeals the open appeals
     * @param levels the levels
     * @param byCommunity per community
     */
    public Credit {
      levels = List.copyOf(levels);
      java.util.TreeMap<GridId, Map<String, Integer>> m = new java.util.TreeMap<>();
      byCommunity.forEach(
          (k, v) -> m.put(k, Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v))));
      byCommunity = Collections.unmodifiableSortedMap(m);
    }

    /**
     * Residents per level over all communities, highest level first.
     *
     * @return the counts, every level
     */
    public Map<String, Integer> totals() {
      Map<String, Integer> out = new java.util.LinkedHashMap<>();
      levels.forEach(l -> out.put(l, 0));
      byCommunity.values().forEach(m -> m.forEach((l, n) -> out.merge(l, n, Integer::sum)));
      return Collections.unmodifiableMap(out);
    }
  }

  /**
   * The sample's organisation on the grids (党建引领): the default rules checked on the last day of the
   * period (findings and the four coverages), and the party branches rated under the default star
   * scheme for the period's year, with the grid, community and street scores of this run as the
   * assessment scores (the same as {@code gridgov org rate --scores scores.csv}).
   *
   * @param asOf the day checked, the last of the period
   * @param check the findings and the coverages
   * @param stars the star ratings
   */
  /**
   * The demo's early warning (预警): the year's reports with a grid and the planted outbreaks counted
   * per community and category and watched day by day (docs/demo.md, "Early warning").
   *
   * @param tally the cases the watch saw, by outcome (planted ones included)
   * @param planted the planted cases
   * @param outbreaks each planted outbreak and its detection delay
   * @param alerts every alert of the year, ordered by start
   */
  public record Watch(
      org.gridgov.watch.CaseCounts.Tally tally,
      int planted,
      List<DemoWatch.Found> outbreaks,
      List<org.gridgov.watch.Alert> alerts) {
    /**
     * Checks and copies.
     *
     * @param tally the tally
     * @param planted the planted cases
     * @param outbreaks the outbreaks
     * @param alerts the alerts
     */
    public Watch {
      java.util.Objects.requireNonNull(tally, "tally");
      outbreaks = List.copyOf(outbreaks);
      alerts = List.copyOf(alerts);
    }

    /**
     * The planted outbreaks an alert found within their duration.
     *
     * @return the count
     */
    public long found() {
      return outbreaks.stream().filter(f -> f.delay().isPresent()).count();
    }

    /**
     * The alerts on no planted outbreak: the background's own surges, or false alerts.
     *
     * @return the count
     */
    public long background() {
      return alerts.stream().filter(a -> DemoWatch.outbreakOf(a, outbreaks).isEmpty()).count();
    }
  }

  /**
   * The demo's risk control (三色管控) on the period's last day: every coloured element of the sample's
   * register against its plan, compliance per worker, grid, community and street, where each
   * coloured element is, and one grid worker's day (docs/demo.md, "Risk control").
   *
   * @param asOf the day
   * @param due the due report
   * @param compliance the compliance report
   * @param positions the position of each coloured element with one, by id
   * @param dayGrid the grid of the worker whose day is shown
   * @param day that worker's day
   */
  public record Risk(
      java.time.LocalDate asOf,
      org.gridgov.risk.DueReport due,
      org.gridgov.risk.ComplianceReport compliance,
      Map<String, org.gridgov.core.GeoPoint> positions,
      GridId dayGrid,
      org.gridgov.risk.PatrolDay day) {
    /**
     * Checks and copies.
     *
     * @param asOf the day
     * @param due the due report
     * @param compliance the compliance
     * @param positions the positions
     * @param dayGrid the day's grid
     * @param day the day
     */
    public Risk {
      java.util.Objects.requireNonNull(asOf, "asOf");
      java.util.Objects.requireNonNull(due, "due");
      java.util.Objects.requireNonNull(compliance, "compliance");
      positions = Collections.unmodifiableMap(new java.util.TreeMap<>(positions));
      java.util.Objects.requireNonNull(dayGrid, "dayGrid");
      java.util.Objects.requireNonNull(day, "day");
    }
  }

  public record Org(
      java.time.LocalDate asOf,
      org.gridgov.org.OrgReport check,
      org.gridgov.org.StarRatings stars) {
    /**
     * Checks the fields.
     *
     * @param asOf the day
     * @param check the check
     * @param stars the ratings
     */
    public Org {
      java.util.Objects.requireNonNull(asOf, "asOf");
      java.util.Objects.requireNonNull(check, "check");
      java.util.Objects.requireNonNull(stars, "stars");
    }
  }

  /**
   * The ranking of a kind of unit.
   *
   * @param kind the kind
   * @return the ranking, when the demo ranks that kind
   */
  public Optional<RankingResult> ranking(UnitKind kind) {
    return loop.ranking(kind);
  }

  /**
   * The closed cases the grid settled itself, never leaving it (小事不出网格).
   *
   * @return the count
   */
  public int settledInGrid() {
    return loop.summary().settledInGrid();
  }

  /**
   * Satisfaction as the 12345 practice counts it: (satisfied + 0.9 × basically satisfied) / rated
   * (docs/domain.md §7).
   *
   * @return the share, or empty when nobody was rated
   */
  public java.util.OptionalDouble satisfaction() {
    int s = ratings.getOrDefault(Rating.SATISFIED, 0);
    int b = ratings.getOrDefault(Rating.BASICALLY_SATISFIED, 0);
    int d = ratings.getOrDefault(Rating.DISSATISFIED, 0);
    return s + b + d == 0
        ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of((s + 0.9 * b) / (s + b + d));
  }

  /**
   * The number of cases that reached a stage.
   *
   * @param stage the stage
   * @return the count
   */
  public int count(Stage stage) {
    return stages.getOrDefault(stage, 0);
  }
}
