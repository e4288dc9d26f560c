package org.gridgov.watch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.io.Serial;
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

  private final WatchEngine engine;

  private Watch(WatchConfig config, WorkCalendar calendar, Optional<Neighbourhoods> zones) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(zones, "zones");
    this.engine = new WatchEngine(config, calendar, zones);
  }

  private Watch(WatchEngine engine) {
    this.engine = engine;
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
   * A watch with the temporal detectors and, when the configuration enables it, the space-time scan
   * over the given zones.
   *
   * @param config thresholds and windows
   * @param calendar the working calendar the baselines respect
   * @param zones the zones the scan joins into clusters (units not among them are not scanned)
   * @return a watch that has seen no day yet
   */
  public static Watch create(WatchConfig config, WorkCalendar calendar, Neighbourhoods zones) {
    return new Watch(config, calendar, Optional.of(Objects.requireNonNull(zones, "zones")));
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public WatchConfig config() {
    return engine.config();
  }

  /**
   * The working calendar the baselines respect.
   *
   * @return the calendar
   */
  public WorkCalendar calendar() {
    return engine.calendar();
  }

  /**
   * Takes one more day: days must be fed in order; days skipped between two fed days count as days
   * without cases.
   *
   * @param day the day's counts, after the last day fed
   * @return the alerts in force on that day (open alerts; each with its start, possibly days ago),
   *     ordered like {@link #alerts()}
   * @throws IllegalArgumentException when the day is not after the last day fed
   */
  public synchronized List<Alert> feed(DayCounts day) {
    Objects.requireNonNull(day, "day");
    return engine.feed(day);
  }

  /**
   * Every alert so far, closed and open, ordered by start, then place (the grid ids joined with
   * {@code ;}), category and detector (then channel and end).
   *
   * @return the alerts, unmodifiable
   */
  public synchronized List<Alert> alerts() {
    return engine.alerts();
  }

  /**
   * The last day fed.
   *
   * @return the day, empty before the first
   */
  public synchronized Optional<LocalDate> lastDay() {
    return engine.lastDay();
  }

  /**
   * Writes the whole state (configuration, calendar, zones, every cell's detector state and
   * history, the alerts) so that {@link #restore(InputStream)} continues exactly where this watch
   * stands. Format: docs/watch.md, "State: save, restore, ship".
   *
   * @param out where to write; not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public synchronized void save(OutputStream out) {
    Objects.requireNonNull(out, "out");
    WatchState.save(engine, out);
  }

  /**
   * A watch continuing from a saved state.
   *
   * @param in a state written by {@link #save(OutputStream)}; not closed
   * @return the watch, equal in behaviour to the one saved
   * @throws org.gridgov.core.InvalidInputException when the stream is not a watch state, has an
   *     unsupported version, or is damaged (truncated, checksum mismatch, inconsistent)
   * @throws java.io.UncheckedIOException when reading fails
   */
  public static Watch restore(InputStream in) {
    Objects.requireNonNull(in, "in");
    return new Watch(WatchState.restore(in));
  }

  /** Test hook: a cell's EWMA score, Poisson CUSUM and NB CUSUM advanced to the last day fed. */
  synchronized double[] stateOf(String unit, String category, String channel) {
    return engine.stateOf(unit, category, channel);
  }

  @Serial
  private Object writeReplace() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    save(buf);
    return new SerialForm(buf.toByteArray());
  }

  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a Watch is read through its serial form");
  }

  /** The serial form: a format version and the saved state's bytes. */
  private static final class SerialForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    /** The serial format version. */
    private final int version;

    /** The state as {@link Watch#save(OutputStream)} writes it. */
    private final byte[] state;

    SerialForm(byte[] state) {
      this.version = VERSION;
      this.state = state;
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
      if (version != VERSION) {
        throw new InvalidObjectException("unsupported Watch serial form version " + version);
      }
      try {
        return restore(new ByteArrayInputStream(state));
      } catch (RuntimeException e) {
        InvalidObjectException ex =
            new InvalidObjectException("bad Watch state: " + e.getMessage());
        ex.initCause(e);
        throw ex;
      }
    }
  }
}
