package org.gridgov.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.watch.WatchTestSupport.D0;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.gridgov.testkit.PropertyCheck;

/** Properties of the watch over generated streams (grid-testkit). */
class WatchPropertiesTest {

  /** One generated stream: per day the cells' counts {unit, category, channel, count}. */
  record Stream(List<List<int[]>> days, List<Integer> skipped, int weeks, int minHistory, int gap) {
    DayCounts day(int i, boolean shuffle, long seed) {
      List<int[]> cells = new ArrayList<>(days.get(i));
      if (shuffle) {
        Collections.shuffle(cells, new Random(seed + i));
      }
      DayCounts.Builder b = DayCounts.builder(D0.plusDays(i + skipped.get(i)));
      for (int[] c : cells) {
        b.add("g" + c[0], "c" + c[1], c[2] == 0 ? Alert.ALL_CHANNELS : "ch" + c[2], c[3]);
      }
      return b.build();
    }

    WatchConfig config() {
      return WatchTestSupport.temporal(weeks, minHistory, 2, gap);
    }
  }

  /** Streams with a background of a few cells and bursts, some days skipped. */
  static Gen<Stream> streams() {
    return Gens.combine(
        Gens.longs(0, Long.MAX_VALUE / 2),
        Gens.integers(20, 70),
        Gens.integers(0, 2),
        (seed, n, gap) -> {
          Random r = new Random(seed);
          int units = 1 + r.nextInt(4);
          int cats = 1 + r.nextInt(3);
          int chans = 1 + r.nextInt(2);
          double[][][] rate = new double[units][cats][chans];
          for (double[][] a : rate) {
            for (double[] b : a) {
              for (int k = 0; k < b.length; k++) {
                b[k] = r.nextDouble() * 4;
              }
            }
          }
          List<List<int[]>> days = new ArrayList<>();
          List<Integer> skipped = new ArrayList<>();
          int skip = 0;
          for (int d = 0; d < n; d++) {
            if (r.nextInt(15) == 0) {
              skip += 1 + r.nextInt(3);
            }
            skipped.add(skip);
            List<int[]> cells = new ArrayList<>();
            for (int u = 0; u < units; u++) {
              for (int c = 0; c < cats; c++) {
                for (int h = 0; h < chans; h++) {
                  double lam = rate[u][c][h] * (r.nextInt(12) == 0 ? 4 : 1);
                  int x = poisson(r, lam);
                  if (x > 0) {
                    cells.add(new int[] {u, c, h, x});
                  }
                }
              }
            }
            days.add(cells);
          }
          return new Stream(days, skipped, 1 + r.nextInt(3), 7 + r.nextInt(14), gap);
        });
  }

  private static int poisson(Random r, double lam) {
    double l = Math.exp(-lam);
    int k = 0;
    double p = r.nextDouble();
    while (p > l) {
      k++;
      p *= r.nextDouble();
    }
    return k;
  }

  private static List<List<Alert>> run(Watch w, Stream s, int from, int to, boolean shuffle) {
    List<List<Alert>> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(w.feed(s.day(i, shuffle, 99)));
    }
    return out;
  }

  @Property(tries = 60)
  void aConstantSeriesNeverAlerts(
      @ForAll("constants") int[] constants, @ForAll("calendars") WorkCalendar calendar) {
    Watch w = Watch.create(WatchTestSupport.defaultsTemporal(), calendar);
    for (int d = 0; d < 120; d++) {
      DayCounts.Builder b = DayCounts.builder(D0.plusDays(d));
      for (int i = 0; i < constants.length; i++) {
        b.add("g" + i, "c" + (i % 3), constants[i]);
      }
      assertThat(w.feed(b.build())).isEmpty();
    }
    assertThat(w.alerts()).isEmpty();
  }

  static Gen<int[]> constants() {
    return Gens.lists(Gens.integers(1, 500), 1, 12)
        .map(l -> l.stream().mapToInt(Integer::intValue).toArray());
  }

  static Gen<WorkCalendar> calendars() {
    return Gens.elements(
        WorkCalendar.standard(), WatchTestSupport.withHolidays(), WatchTestSupport.everyDay());
  }

  @Property(tries = 60)
  void permutingTheCellsOfADayChangesNothing(@ForAll("streams") Stream s) {
    WorkCalendar cal = WatchTestSupport.withHolidays();
    Watch a = Watch.create(s.config(), cal);
    Watch b = Watch.create(s.config(), cal);
    assertThat(run(b, s, 0, s.days().size(), true)).isEqualTo(run(a, s, 0, s.days().size(), false));
    assertThat(b.alerts()).isEqualTo(a.alerts());
  }

  @Property(tries = 60)
  void incrementalStateEqualsBatchAcrossSaveRestoreAndSerialization(
      @ForAll("streams") Stream s, @ForAll("fractions") double cut) throws Exception {
    WorkCalendar cal = WatchTestSupport.withHolidays();
    int n = s.days().size();
    int k = (int) (cut * n);
    Watch batch = Watch.create(s.config(), cal);
    List<List<Alert>> want = run(batch, s, 0, n, false);

    Watch first = Watch.create(s.config(), cal);
    List<List<Alert>> got = run(first, s, 0, k, false);
    ByteArrayOutputStream saved = new ByteArrayOutputStream();
    first.save(saved);
    Watch restored = Watch.restore(new ByteArrayInputStream(saved.toByteArray()));
    assertThat(restored.lastDay()).isEqualTo(first.lastDay());
    assertThat(restored.alerts()).isEqualTo(first.alerts());
    List<List<Alert>> viaSerial = new ArrayList<>(got);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
      o.writeObject(first);
    }
    Watch shipped;
    try (ObjectInputStream i =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      shipped = (Watch) i.readObject();
    }
    got.addAll(run(restored, s, k, n, false));
    viaSerial.addAll(run(shipped, s, k, n, false));
    assertThat(got).isEqualTo(want);
    assertThat(viaSerial).isEqualTo(want);
    assertThat(restored.alerts()).isEqualTo(batch.alerts());
    assertThat(shipped.alerts()).isEqualTo(batch.alerts());
    assertThat(restored.lastDay()).isEqualTo(batch.lastDay());
  }

  static Gen<Double> fractions() {
    return Gens.doubles(0, 1);
  }

  @Property(tries = 60)
  void addingCasesToAnAlertedCellOnItsDayNeverRemovesTheAlert(
      @ForAll("streams") Stream s, @ForAll("extras") int extra, @ForAll("fractions") double pick) {
    WorkCalendar cal = WatchTestSupport.withHolidays();
    int n = s.days().size();
    Watch w = Watch.create(s.config(), cal);
    run(w, s, 0, n, false);
    List<Alert> alerts = w.alerts();
    PropertyCheck.assume(!alerts.isEmpty());
    Alert a = alerts.get((int) (pick * (alerts.size() - 1)));
    // the peak day is a day the detector alarmed on
    int dayIndex = -1;
    for (int i = 0; i < n; i++) {
      if (D0.plusDays(i + s.skipped().get(i)).equals(a.peak())) {
        dayIndex = i;
      }
    }
    List<List<int[]>> days = new ArrayList<>(s.days());
    List<int[]> cells = new ArrayList<>();
    for (int[] c : days.get(dayIndex)) {
      boolean same =
          ("g" + c[0]).equals(a.grids().get(0))
              && ("c" + c[1]).equals(a.category())
              && (c[2] == 0 ? Alert.ALL_CHANNELS : "ch" + c[2]).equals(a.channel());
      cells.add(same ? new int[] {c[0], c[1], c[2], c[3] + extra} : c);
    }
    days.set(dayIndex, cells);
    Stream more = new Stream(days, s.skipped(), s.weeks(), s.minHistory(), s.gap());
    Watch w2 = Watch.create(more.config(), cal);
    run(w2, more, 0, n, false);
    assertThat(w2.alerts())
        .anySatisfy(
            b -> {
              assertThat(b.detector()).isEqualTo(a.detector());
              assertThat(b.grids()).isEqualTo(a.grids());
              assertThat(b.category()).isEqualTo(a.category());
              assertThat(b.channel()).isEqualTo(a.channel());
              assertThat(b.start()).isBeforeOrEqualTo(a.peak());
              assertThat(b.end()).isAfterOrEqualTo(a.peak());
            });
  }

  static Gen<Integer> extras() {
    return Gens.integers(1, 50);
  }
}
