package org.gridgov.lab;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Draws a set of {@link Outbreak}s for a background {@link CountStream}: places, categories, days
 * and sizes, a pure function of the stream, the spec and the seed. Sizes are taken in turn from the
 * spec's lists (so every size is represented), types at random with the spec's shares. Two
 * outbreaks of one category whose places overlap are kept at least {@link Spec#separationDays()}
 * apart, so an alert can be matched to one outbreak; an outbreak is only placed where it is
 * expected to bring at least {@link Spec#minExtraCases()} extra cases over its days and units (a
 * multiple of a cell that sees a case a month is no outbreak at all). Stateless.
 */
public final class Outbreaks {

  private static final int ATTEMPTS = 200;

  private Outbreaks() {}

  /**
   * What outbreaks to draw.
   *
   * @param count how many (fewer are drawn when no free place and time is found for one)
   * @param firstDay the first day index an outbreak may start on (after the detectors' warm-up)
   * @param minDays the shortest duration
   * @param maxDays the longest duration
   * @param localSizes the sizes of single and cluster outbreaks, taken in turn
   * @param citywideSizes the sizes of citywide rises, taken in turn
   * @param clusterShare the share of cluster outbreaks (a unit and 1–3 of its neighbours)
   * @param citywideShare the share of citywide rises
   * @param separationDays the quiet days kept between two outbreaks of one category on overlapping
   *     places
   * @param minExtraCases the extra cases an outbreak must be expected to bring over its days and
   *     units (on the background's baselines)
   */
  public record Spec(
      int count,
      int firstDay,
      int minDays,
      int maxDays,
      List<Outbreak.Size> localSizes,
      List<Outbreak.Size> citywideSizes,
      double clusterShare,
      double citywideShare,
      int separationDays,
      double minExtraCases) {

    /**
     * Validates and copies.
     *
     * @param count 0–10000
     * @param firstDay ≥ 0
     * @param minDays ≥ 1
     * @param maxDays ≥ minDays, ≤ 366
     * @param localSizes at least one
     * @param citywideSizes at least one
     * @param clusterShare in [0, 1]
     * @param citywideShare in [0, 1], with clusterShare at most 1
     * @param separationDays ≥ 0
     * @param minExtraCases ≥ 0
     */
    public Spec {
      checkArgument(
          count >= 0 && count <= 10_000, "outbreak count must be in [0, 10000]: %s", count);
      checkArgument(firstDay >= 0, "firstDay must be >= 0: %s", firstDay);
      checkArgument(
          minDays >= 1 && maxDays >= minDays && maxDays <= 366,
          "need 1 <= minDays <= maxDays <= 366: %s, %s",
          minDays,
          maxDays);
      localSizes = List.copyOf(localSizes);
      citywideSizes = List.copyOf(citywideSizes);
      checkArgument(!localSizes.isEmpty(), "localSizes needs at least one size");
      checkArgument(!citywideSizes.isEmpty(), "citywideSizes needs at least one size");
      checkArgument(
          clusterShare >= 0 && citywideShare >= 0 && clusterShare + citywideShare <= 1,
          "clusterShare and citywideShare must be >= 0 with a sum <= 1: %s, %s",
          clusterShare,
          citywideShare);
      checkArgument(separationDays >= 0, "separationDays must be >= 0: %s", separationDays);
      checkArgument(minExtraCases >= 0, "minExtraCases must be >= 0: %s", minExtraCases);
    }

    /**
     * The evaluation's defaults: 4–7 days; single and cluster outbreaks of 2×, 3×, 5× the baseline
     * and +2 cases a day; citywide rises of 1.5×, 2× and 3×; 35 % clusters, 15 % citywide; 14 quiet
     * days between outbreaks on one cell; at least 5 extra cases expected (a detector judging a day
     * needs 3 by default).
     *
     * @param count how many
     * @param firstDay the first day an outbreak may start on
     * @return the spec
     */
    public static Spec defaults(int count, int firstDay) {
      return new Spec(
          count,
          firstDay,
          4,
          7,
          List.of(
              Outbreak.Size.times(2),
              Outbreak.Size.times(3),
              Outbreak.Size.times(5),
              Outbreak.Size.plus(2)),
          List.of(Outbreak.Size.times(1.5), Outbreak.Size.times(2), Outbreak.Size.times(3)),
          0.35,
          0.15,
          14,
          5);
    }
  }

  /**
   * Draws outbreaks.
   *
   * @param stream the background (its units, categories, neighbours, days and baselines)
   * @param spec what to draw
   * @param seed the seed
   * @return the outbreaks in the order drawn
   */
  public static List<Outbreak> generate(CountStream stream, Spec spec, long seed) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(spec, "spec");
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> units = stream.units();
    List<String> withNeighbours = new ArrayList<>();
    for (String u : units) {
      if (!stream.neighbours(u).isEmpty()) {
        withNeighbours.add(u);
      }
    }
    List<Outbreak> out = new ArrayList<>();
    int local = 0;
    int citywide = 0;
    for (int i = 0; i < spec.count(); i++) {
      double draw = rnd.nextDouble();
      Outbreak.Type type =
          draw < spec.citywideShare()
              ? Outbreak.Type.CITYWIDE
              : draw < spec.citywideShare() + spec.clusterShare()
                  ? Outbreak.Type.CLUSTER
                  : Outbreak.Type.SINGLE;
      if (type == Outbreak.Type.CLUSTER && withNeighbours.isEmpty()) {
        type = Outbreak.Type.SINGLE;
      }
      Outbreak.Size size =
          type == Outbreak.Type.CITYWIDE
              ? spec.citywideSizes().get(citywide++ % spec.citywideSizes().size())
              : spec.localSizes().get(local++ % spec.localSizes().size());
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        int days = rnd.nextInt(spec.minDays(), spec.maxDays() + 1);
        if (stream.days() - spec.firstDay() < days) {
          break;
        }
        int startDay = rnd.nextInt(spec.firstDay(), stream.days() - days + 1);
        String category = stream.categories().get(rnd.nextInt(stream.categories().size()));
        List<String> place =
            switch (type) {
              case SINGLE -> List.of(units.get(rnd.nextInt(units.size())));
              case CLUSTER -> cluster(stream, withNeighbours, rnd);
              case CITYWIDE -> units;
            };
        Outbreak o =
            new Outbreak(type, place, category, stream.start().plusDays(startDay), days, size);
        if (expectedExtra(stream, o, startDay) < spec.minExtraCases()) {
          continue;
        }
        if (conflicts(out, o, spec.separationDays())) {
          continue;
        }
        out.add(o);
        break;
      }
    }
    return List.copyOf(out);
  }

  private static List<String> cluster(
      CountStream stream, List<String> withNeighbours, SplittableRandom rnd) {
    String centre = withNeighbours.get(rnd.nextInt(withNeighbours.size()));
    List<String> pool = new ArrayList<>(stream.neighbours(centre));
    int take = Math.min(pool.size(), rnd.nextInt(1, 4));
    List<String> place = new ArrayList<>();
    place.add(centre);
    for (int k = 0; k < take; k++) {
      place.add(pool.remove(rnd.nextInt(pool.size())));
    }
    return place;
  }

  /** The extra cases an outbreak is expected to bring, on the stream's baselines. */
  static double expectedExtra(CountStream stream, Outbreak o, int startDay) {
    double sum = 0;
    for (int d = startDay; d < Math.min(stream.days(), startDay + o.days()); d++) {
      boolean working = stream.isWorkingDay(d);
      for (String u : o.units()) {
        sum += o.size().extraMean(stream.baseline(u, o.category(), working));
      }
    }
    return sum;
  }

  /** Whether two outbreaks of one category on overlapping places come closer than the gap. */
  static boolean conflicts(List<Outbreak> placed, Outbreak o, int gap) {
    for (Outbreak p : placed) {
      if (!p.category().equals(o.category())) {
        continue;
      }
      LocalDate pEnd = p.end().plusDays(gap);
      LocalDate oEnd = o.end().plusDays(gap);
      boolean near = !pEnd.isBefore(o.start()) && !oEnd.isBefore(p.start());
      if (near && p.units().stream().anyMatch(o.units()::contains)) {
        return true;
      }
    }
    return false;
  }
}
