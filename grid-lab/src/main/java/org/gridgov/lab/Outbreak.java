package org.gridgov.lab;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An outbreak injected into a background {@link CountStream} to test early-warning detectors: a
 * known place (one unit, several adjacent units, or every unit), category, first day, duration and
 * size. {@link CountStream#withOutbreaks} adds its extra cases; {@link WatchEvaluation} asks
 * whether, and how fast, each detector raised an alert on it. Immutable.
 *
 * @param type single unit, a cluster of adjacent units, or a citywide rise of the category
 * @param units the unit ids it strikes (every unit of the stream for a citywide rise), distinct,
 *     never empty
 * @param category the category key it strikes
 * @param start its first day
 * @param days its duration in days, at least 1
 * @param size how many extra cases a day each of its units gets
 */
public record Outbreak(
    Outbreak.Type type,
    List<String> units,
    String category,
    LocalDate start,
    int days,
    Outbreak.Size size) {

  /** Where an outbreak strikes. */
  public enum Type {
    /** One unit. */
    SINGLE,
    /** A unit and some of its neighbours (units sharing a border with it). */
    CLUSTER,
    /** Every unit of the stream: the category rises citywide. */
    CITYWIDE;

    /**
     * The name in the reports: the constant in lower case.
     *
     * @return {@code single}, {@code cluster} or {@code citywide}
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * How large an outbreak is: a multiple of the cell's baseline ({@code TIMES}: a unit whose
   * baseline is b cases a day gets on average {@code (amount − 1)·b} extra cases a day) or an
   * absolute number of extra cases a day per unit ({@code PLUS}). Extra cases are Poisson draws
   * with that mean.
   *
   * @param kind a multiple or an absolute rise
   * @param amount the multiple (&gt; 1) or the extra cases a day (&gt; 0)
   */
  public record Size(Kind kind, double amount) {

    /** The two ways to size an outbreak. */
    public enum Kind {
      /** A multiple of the baseline. */
      TIMES,
      /** Extra cases a day per unit, whatever the baseline. */
      PLUS
    }

    /**
     * Validates.
     *
     * @param kind the kind
     * @param amount &gt; 1 for a multiple, &gt; 0 for an absolute rise, finite
     */
    public Size {
      Objects.requireNonNull(kind, "kind");
      checkArgument(Double.isFinite(amount), "an outbreak size must be finite: %s", amount);
      checkArgument(
          kind == Kind.TIMES ? amount > 1 : amount > 0,
          "a %s size must be %s: %s",
          kind,
          kind == Kind.TIMES ? "> 1 (a multiple of the baseline)" : "> 0 (cases a day)",
          amount);
    }

    /**
     * A multiple of the baseline.
     *
     * @param factor the multiple, &gt; 1 ({@code 3} = three times the baseline)
     * @return the size
     */
    public static Size times(double factor) {
      return new Size(Kind.TIMES, factor);
    }

    /**
     * An absolute rise.
     *
     * @param casesPerDay extra cases a day per unit, &gt; 0
     * @return the size
     */
    public static Size plus(double casesPerDay) {
      return new Size(Kind.PLUS, casesPerDay);
    }

    /**
     * The mean number of extra cases a day in a cell with a baseline.
     *
     * @param baseline the cell's baseline, cases a day
     * @return the mean extra cases
     */
    public double extraMean(double baseline) {
      return kind == Kind.TIMES ? (amount - 1) * baseline : amount;
    }

    /**
     * A short label: {@code 3x} or {@code +2/day}.
     *
     * @return the label
     */
    public String label() {
      String n =
          amount == Math.rint(amount)
              ? Long.toString((long) amount)
              : String.format(Locale.ROOT, "%.2f", amount).replaceAll("0+$", "");
      return kind == Kind.TIMES ? n + "x" : "+" + n + "/day";
    }
  }

  /**
   * Validates and copies.
   *
   * @param type the type
   * @param units the units, distinct, at least one
   * @param category the category
   * @param start the first day
   * @param days at least 1
   * @param size the size
   */
  public Outbreak {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(size, "size");
    units = List.copyOf(units);
    checkArgument(!units.isEmpty(), "an outbreak strikes at least one unit");
    checkArgument(
        new HashSet<>(units).size() == units.size(),
        "an outbreak's units must be distinct: %s",
        units);
    checkArgument(
        type != Type.SINGLE || units.size() == 1, "a SINGLE outbreak has one unit: %s", units);
    checkArgument(days >= 1 && days <= 366, "an outbreak lasts 1 to 366 days: %s", days);
  }

  /**
   * The last day of the outbreak.
   *
   * @return {@code start + days − 1}
   */
  public LocalDate end() {
    return start.plusDays(days - 1L);
  }

  /**
   * Whether a day is one of the outbreak's days.
   *
   * @param day the day
   * @return whether {@code start <= day <= end}
   */
  public boolean covers(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end());
  }

  @Override
  public String toString() {
    return type.label()
        + " "
        + size.label()
        + " "
        + category
        + " in "
        + (units.size() <= 4 ? String.join(";", units) : units.size() + " units")
        + " from "
        + start
        + " for "
        + days
        + " days";
  }
}
