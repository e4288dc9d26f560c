package org.gridgov.lab;

import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.TimeLimitUnit;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.UnitKind;

/**
 * A named policy variant (政策方案) to compare in a {@link PolicySimulation}: the lists that govern
 * admission (or the city's own), the dispatch table, the escalation ladder, time limits and the
 * schemes of the rankings. A variant is data: read one from a {@code gridgov.policy/1} JSON file
 * with {@link PolicyVariants}, or build one in code.
 *
 * <p>Time limits: an item's limit is the {@code timeLimits} table's entry for the item when it has
 * one, else the item list's; then multiplied by {@code timeLimitFactor} and rounded up to a whole
 * number of its unit (working days that stop being whole become working hours of the calendar's
 * day), so a factor of at least 1 never shortens a limit.
 *
 * <p>Immutable and thread-safe (its parts are). Serializable through a compact serial form (the
 * parts' own serial forms: lists, dispatch table, ladder and schemes as their versioned JSON bytes,
 * the time limits as arrays), so a variant travels to a cluster's executors as data.
 *
 * @param name the name the variant is registered and reported under
 * @param description one line for the report, may be empty
 * @param lists the lists to use instead of the city's, if any
 * @param dispatcher the dispatch table
 * @param escalation the escalation ladder
 * @param timeLimits per-item time limits that replace the item list's
 * @param timeLimitFactor a factor applied to every limit, positive
 * @param rankings the rankings to compute, at least one, with distinct keys
 */
public record PolicyVariant(
    String name,
    String description,
    Optional<GovernanceLists> lists,
    Dispatcher dispatcher,
    EscalationLadder escalation,
    TimeLimitTable timeLimits,
    double timeLimitFactor,
    List<Ranking> rankings)
    implements Serializable {

  /**
   * Validates and copies.
   *
   * @param name the name, 1–64 characters without white space at the ends
   * @param description the description
   * @param lists the lists, if replaced
   * @param dispatcher the dispatcher
   * @param escalation the ladder
   * @param timeLimits the time-limit overrides
   * @param timeLimitFactor the factor, in (0, 100]
   * @param rankings the rankings
   */
  public PolicyVariant {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > 64 || !name.strip().equals(name)) {
      throw new IllegalArgumentException(
          "a variant name needs 1–64 characters and no white space at the ends: '" + name + "'");
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(lists, "lists");
    Objects.requireNonNull(dispatcher, "dispatcher");
    Objects.requireNonNull(escalation, "escalation");
    Objects.requireNonNull(timeLimits, "timeLimits");
    if (!(timeLimitFactor > 0 && timeLimitFactor <= 100)) {
      throw new IllegalArgumentException(
          "variant " + name + ": timeLimitFactor must be in (0, 100]: " + timeLimitFactor);
    }
    rankings = List.copyOf(rankings);
    if (rankings.isEmpty()) {
      throw new IllegalArgumentException("variant " + name + " needs at least one ranking");
    }
    List<String> keys = new ArrayList<>();
    for (Ranking r : rankings) {
      if (keys.contains(r.key())) {
        throw new IllegalArgumentException(
            "variant " + name + " lists ranking " + r.key() + " twice");
      }
      keys.add(r.key());
    }
  }

  /**
   * The default rankings: departments under the Tongcheng-style scheme ({@code tongcheng-2022},
   * overdue deductions), streets and grids under the GB/T 30428 region formula ({@code
   * gbt30428-region}).
   *
   * @return the rankings
   */
  public static List<Ranking> defaultRankings() {
    return List.of(
        new Ranking(UnitKind.DEPARTMENT, ScoringSchemes.builtIn("tongcheng-2022")),
        new Ranking(UnitKind.STREET, ScoringSchemes.builtIn("gbt30428-region")),
        new Ranking(UnitKind.GRID, ScoringSchemes.builtIn("gbt30428-region")));
  }

  /**
   * Starts a variant with the defaults: the city's lists, {@link Dispatcher#defaults()}, {@link
   * EscalationLadder#defaults()}, the item list's time limits, and {@link #defaultRankings()}.
   *
   * @param name the name
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The default variant under a name.
   *
   * @param name the name
   * @return the variant
   */
  public static PolicyVariant defaults(String name) {
    return builder(name).build();
  }

  /**
   * A builder holding this variant's parts, to derive another.
   *
   * @param newName the new variant's name
   * @return the builder
   */
  public Builder toBuilder(String newName) {
    Builder b = new Builder(newName);
    b.description = description;
    b.lists = lists;
    b.dispatcher = dispatcher;
    b.escalation = escalation;
    b.timeLimits = timeLimits;
    b.timeLimitFactor = timeLimitFactor;
    b.rankings = rankings;
    return b;
  }

  /**
   * The time limits of an item under this variant.
   *
   * @param item the item
   * @param calendar the calendar (its working day converts days that stop being whole)
   * @return the normal and urgent limits
   */
  public TimeLimits limitsOf(Item item, WorkCalendar calendar) {
    TimeLimits base = timeLimits.forItem(item.code()).orElse(item.timeLimits());
    if (timeLimitFactor == 1.0) {
      return base;
    }
    return new TimeLimits(
        scale(base.normal(), timeLimitFactor, calendar),
        scale(base.urgent(), timeLimitFactor, calendar));
  }

  /**
   * A limit multiplied by a factor and rounded up to a whole number of its unit.
   *
   * @param limit the limit
   * @param factor the factor, positive
   * @param calendar the calendar, for the length of a working day
   * @return the scaled limit, at most 100000 units
   */
  static TimeLimit scale(TimeLimit limit, double factor, WorkCalendar calendar) {
    double amount = limit.amount() * factor;
    TimeLimitUnit unit = limit.unit();
    if (unit == TimeLimitUnit.WORKING_DAYS && Math.abs(amount - Math.rint(amount)) > 1e-9) {
      double hours = amount * calendar.workingDayLength().toMinutes() / 60.0;
      return new TimeLimit(cap(hours), TimeLimitUnit.WORKING_HOURS);
    }
    return new TimeLimit(cap(amount), unit);
  }

  private static long cap(double amount) {
    return (long) Math.min(100_000, Math.ceil(amount - 1e-9));
  }

  @Serial
  private Object writeReplace() {
    return new SerialForm(this);
  }

  /**
   * The serial form of a variant: a format version, the name and description, the parts through
   * their own versioned serial forms, the time-limit table as parallel arrays and the rankings as
   * kind keys beside their schemes. Reading it back builds the variant through its constructor, so
   * a stream cannot smuggle in a variant the constructor would refuse.
   */
  private static final class SerialForm implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    private final int version;
    private final String name;
    private final String description;
    private final GovernanceLists lists; // null: the city's
    private final Dispatcher dispatcher;
    private final EscalationLadder escalation;
    private final String[] limitItems;
    private final long[] limitAmounts; // normal, urgent per item
    private final byte[] limitUnits; // ordinals, normal, urgent per item
    private final double timeLimitFactor;
    private final String[] rankingKinds;
    private final ScoringScheme[] rankingSchemes;

    SerialForm(PolicyVariant v) {
      version = VERSION;
      name = v.name;
      description = v.description;
      lists = v.lists.orElse(null);
      dispatcher = v.dispatcher;
      escalation = v.escalation;
      int n = v.timeLimits.limits().size();
      limitItems = new String[n];
      limitAmounts = new long[2 * n];
      limitUnits = new byte[2 * n];
      int i = 0;
      for (Map.Entry<String, TimeLimits> e : v.timeLimits.limits().entrySet()) {
        limitItems[i] = e.getKey();
        limitAmounts[2 * i] = e.getValue().normal().amount();
        limitAmounts[2 * i + 1] = e.getValue().urgent().amount();
        limitUnits[2 * i] = (byte) e.getValue().normal().unit().ordinal();
        limitUnits[2 * i + 1] = (byte) e.getValue().urgent().unit().ordinal();
        i++;
      }
      timeLimitFactor = v.timeLimitFactor;
      rankingKinds = new String[v.rankings.size()];
      rankingSchemes = new ScoringScheme[v.rankings.size()];
      for (int r = 0; r < rankingKinds.length; r++) {
        rankingKinds[r] = v.rankings.get(r).kind().key();
        rankingSchemes[r] = v.rankings.get(r).scheme();
      }
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
      if (version != VERSION) {
        throw new InvalidObjectException("unknown PolicyVariant serial form version " + version);
      }
      try {
        TimeLimitUnit[] units = TimeLimitUnit.values();
        Map<String, TimeLimits> limits = new LinkedHashMap<>();
        for (int i = 0; i < limitItems.length; i++) {
          limits.put(
              limitItems[i],
              new TimeLimits(
                  new TimeLimit(limitAmounts[2 * i], units[limitUnits[2 * i]]),
                  new TimeLimit(limitAmounts[2 * i + 1], units[limitUnits[2 * i + 1]])));
        }
        List<Ranking> rankings = new ArrayList<>();
        for (int r = 0; r < rankingKinds.length; r++) {
          String key = rankingKinds[r];
          UnitKind kind =
              UnitKind.parse(key)
                  .orElseThrow(() -> new IllegalArgumentException("unknown unit kind " + key));
          rankings.add(new Ranking(kind, rankingSchemes[r]));
        }
        return new PolicyVariant(
            name,
            description,
            Optional.ofNullable(lists),
            dispatcher,
            escalation,
            new TimeLimitTable(limits),
            timeLimitFactor,
            rankings);
      } catch (RuntimeException e) {
        InvalidObjectException bad =
            new InvalidObjectException("bad PolicyVariant serial form: " + e.getMessage());
        bad.initCause(e);
        throw bad;
      }
    }
  }

  /** Collects the parts of a {@link PolicyVariant}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private Optional<GovernanceLists> lists = Optional.empty();
    private Dispatcher dispatcher = Dispatcher.defaults();
    private EscalationLadder escalation = EscalationLadder.defaults();
    private TimeLimitTable timeLimits = new TimeLimitTable(Map.of());
    private double timeLimitFactor = 1.0;
    private List<Ranking> rankings = defaultRankings();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Sets the description.
     *
     * @param value one line
     * @return this builder
     */
    public Builder description(String value) {
      description = Objects.requireNonNull(value, "description");
      return this;
    }

    /**
     * Replaces the city's lists.
     *
     * @param value the lists
     * @return this builder
     */
    public Builder lists(GovernanceLists value) {
      lists = Optional.of(value);
      return this;
    }

    /**
     * Sets the dispatch table.
     *
     * @param value the dispatcher
     * @return this builder
     */
    public Builder dispatcher(Dispatcher value) {
      dispatcher = Objects.requireNonNull(value, "dispatcher");
      return this;
    }

    /**
     * Sets the escalation ladder.
     *
     * @param value the ladder
     * @return this builder
     */
    public Builder escalation(EscalationLadder value) {
      escalation = Objects.requireNonNull(value, "escalation");
      return this;
    }

    /**
     * Sets per-item time limits that replace the item list's.
     *
     * @param value the table
     * @return this builder
     */
    public Builder timeLimits(TimeLimitTable value) {
      timeLimits = Objects.requireNonNull(value, "timeLimits");
      return this;
    }

    /**
     * Sets the factor applied to every time limit.
     *
     * @param value the factor, in (0, 100]
     * @return this builder
     */
    public Builder timeLimitFactor(double value) {
      timeLimitFactor = value;
      return this;
    }

    /**
     * Sets the rankings.
     *
     * @param value the rankings
     * @return this builder
     */
    public Builder rankings(List<Ranking> value) {
      rankings = List.copyOf(value);
      return this;
    }

    /**
     * Builds the variant.
     *
     * @return the variant
     * @throws IllegalArgumentException when a part is invalid
     */
    public PolicyVariant build() {
      return new PolicyVariant(
          name, description, lists, dispatcher, escalation, timeLimits, timeLimitFactor, rankings);
    }
  }
}
