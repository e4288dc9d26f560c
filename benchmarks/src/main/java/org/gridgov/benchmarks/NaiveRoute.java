package org.gridgov.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.GeoPoint;

/**
 * The baseline route of {@link PatrolDayBenchmark}: nearest neighbour from the first stop and 2-opt
 * written the obvious way — great-circle distances computed every time they are needed and every
 * candidate reversal judged by the whole tour's length (O(n³) a pass). Not for production.
 */
final class NaiveRoute {
  private NaiveRoute() {}

  static double metres(List<GeoPoint> stops) {
    List<GeoPoint> left = new ArrayList<>(stops);
    List<GeoPoint> tour = new ArrayList<>();
    if (left.isEmpty()) {
      return 0;
    }
    tour.add(left.remove(0));
    while (!left.isEmpty()) {
      GeoPoint here = tour.get(tour.size() - 1);
      int best = 0;
      for (int i = 1; i < left.size(); i++) {
        if (haversine(here, left.get(i)) < haversine(here, left.get(best))) {
          best = i;
        }
      }
      tour.add(left.remove(best));
    }
    double len = length(tour);
    boolean improved = true;
    while (improved) {
      improved = false;
      for (int i = 0; i < tour.size() - 1; i++) {
        for (int j = i + 1; j < tour.size(); j++) {
          List<GeoPoint> t = new ArrayList<>(tour);
          java.util.Collections.reverse(t.subList(i, j + 1));
          double l = length(t);
          if (l < len - 1e-7) {
            tour = t;
            len = l;
            improved = true;
          }
        }
      }
    }
    return len;
  }

  static double length(List<GeoPoint> tour) {
    double s = 0;
    for (int i = 1; i < tour.size(); i++) {
      s += haversine(tour.get(i - 1), tour.get(i));
    }
    return s;
  }

  static double haversine(GeoPoint a, GeoPoint b) {
    double p1 = Math.toRadians(a.lat());
    double p2 = Math.toRadians(b.lat());
    double dp = p2 - p1;
    double dl = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
