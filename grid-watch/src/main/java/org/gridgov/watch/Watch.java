package org.gridgov.watch;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.time.WorkCalendar;

/**
 * Early warning on a case stream: the front door of grid-watch. Feed it one day's counts after
 * another ({@link #feed(DayCounts)}); it updates every detector's state incrementally (a day never
 * recomputes the history) and returns the alerts in force that day, merged with the alerts of the
 * days before while they persist. Deterministic for a configuration (the scan's seed is in it).
 * Thread-safe (calls are serialised); its state can be saved and restored ({@link
 * #save(OutputStream)}, {@link #restore(InputStream)}) and the watch itself is {@link Serializable}
 * (it travels to other JVMs).
 */
public final class Watch implements Serializable {

  private static final long serialVersionUID = 1L;

  private final WatchConfig config;
  private final WorkCalendar calendar;

  private Watch(WatchConfig config, WorkCalendar calendar, Optional<Neighbourhoods> zones) {
    this.config = Objects.requireNonNull(config, "config");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(zones, "zones");
  }

  /**
   * A watch with the temporal detectors only (the scan needs {@link Neighbourhoods}).
   *
   * @param config thresholds and windows
   * @param calendar the working calendar the baselines respect
   * @return a watch that has seen no day yet
   */
  public static Watch create(WatchConfig config, WorkCalendar calendar) {
    return new Watch(config, calendar, Optional.empty());
  }

  /**
   * A watch with the temporal detectors and, when the configuration enables it, the space-time
   * scan over the given zones.
   *
   * @param config thresholds and windows
   * @param calendar the working calendar the baselines respect
   * @param zones the zones the scan joins into clusters (units not among them are not scanned)
   * @return a watch that has seen no day yet
   */
  public static Watch create(WatchConfig config, WorkCalendar calendar, Neighbourhoods zones) {
    return new Watch(config, calendar, Optional.of(zones));
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public WatchConfig config() {
    return config;
  }

  /**
   * Takes one more day: days must be fed in order; days skipped between two fed days count as days
   * without cases.
   *
   * @param day the day's counts, after the last day fed
   * @return the alerts in force on that day (open alerts; each with its start, possibly days ago)
   * @throws IllegalArgumentException when the day is not after the last day fed
   */
  public synchronized List<Alert> feed(DayCounts day) {
    throw new UnsupportedOperationException("issue 15: the watch engine is not built yet");
  }

  /**
   * Every alert so far, closed and open, ordered by start, then place, category and detector.
   *
   * @return the alerts, unmodifiable
   */
  public synchronized List<Alert> alerts() {
    throw new UnsupportedOperationException("issue 15: the watch engine is not built yet");
  }

  /**
   * The last day fed.
   *
   * @return the day, empty before the first
   */
  public synchronized Optional<LocalDate> lastDay() {
    throw new UnsupportedOperationException("issue 15: the watch engine is not built yet");
  }

  /**
   * Writes the whole state (configuration, calendar, zones, every cell's detector state and
   * history, the alerts) so that {@link #restore(InputStream)} continues exactly where this watch
   * stands.
   *
   * @param out where to write; not closed
   */
  public synchronized void save(OutputStream out) {
    throw new UnsupportedOperationException("issue 15: the watch engine is not built yet");
  }

  /**
   * A watch continuing from a saved state.
   *
   * @param in a state written by {@link #save(OutputStream)}; not closed
   * @return the watch, equal in behaviour to the one saved
   */
  public static Watch restore(InputStream in) {
    throw new UnsupportedOperationException("issue 15: the watch engine is not built yet");
  }
}
