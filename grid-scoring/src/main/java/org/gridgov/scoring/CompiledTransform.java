package org.gridgov.scoring;

import java.util.List;
import org.gridgov.scoring.ScoringScheme.Band;
import org.gridgov.scoring.ScoringScheme.Component;
import org.gridgov.scoring.ScoringScheme.Transform;

/**
 * A component's transform and clamp compiled to primitives for the scoring loop; computes exactly
 * what {@link Component#points(double)} computes. Immutable and thread-safe.
 */
final class CompiledTransform {
  private static final int RATE = 0;
  private static final int COMPLEMENT = 1;
  private static final int BANDS = 2;
  private static final int TARGET = 3;

  private final int type;
  private final long[] lo;
  private final long[] hi;
  private final double[] pts;
  private final double target;
  private final double penalty;
  private final boolean clamped;
  private final double min;
  private final double max;

  /**
   * Compiles a component.
   *
   * @param c the component
   */
  public CompiledTransform(Component c) {
    Transform t = c.transform();
    double tg = 0;
    double pen = 0;
    long[] l = new long[0];
    long[] h = new long[0];
    double[] p = new double[0];
    if (t instanceof Transform.Rate) {
      type = RATE;
    } else if (t instanceof Transform.Complement) {
      type = COMPLEMENT;
    } else if (t instanceof Transform.Bands b) {
      type = BANDS;
      List<Band> bands = b.bands();
      l = new long[bands.size()];
      h = new long[bands.size()];
      p = new double[bands.size()];
      for (int i = 0; i < bands.size(); i++) {
        Band band = bands.get(i);
        l[i] = band.min();
        h[i] = band.max().orElse(Long.MAX_VALUE);
        p[i] = band.points();
      }
    } else {
      Transform.Target x = (Transform.Target) t;
      type = TARGET;
      tg = x.target();
      pen = x.penaltyPerPercentBelow();
    }
    this.lo = l;
    this.hi = h;
    this.pts = p;
    this.target = tg;
    this.penalty = pen;
    this.clamped = c.clamp().isPresent();
    this.min = c.clamp().map(Component.Clamp::min).orElse(0.0);
    this.max = c.clamp().map(Component.Clamp::max).orElse(0.0);
  }

  /**
   * The points for a value.
   *
   * @param v the indicator value
   * @return the transformed, clamped points
   */
  public double points(double v) {
    double p =
        switch (type) {
          case RATE -> 100.0 * v;
          case COMPLEMENT -> 100.0 * (1.0 - v);
          case BANDS -> band((long) v);
          default -> v >= target ? 100.0 : Math.max(0.0, 100.0 - penalty * 100.0 * (target - v));
        };
    return clamped ? Math.max(min, Math.min(max, p)) : p;
  }

  private double band(long count) {
    for (int i = 0; i < lo.length; i++) {
      if (count >= lo[i] && count <= hi[i]) {
        return pts[i];
      }
    }
    throw new IllegalStateException("no band contains " + count + " in a validated table");
  }
}
