package org.gridgov.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.gridgov.core.GridId;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.geo.GridLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Retained memory and build time of the lookup index at Zhengzhou's scale, against the JTS
 * baseline. Run with {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar
 * org.gridgov.benchmarks.LocateMemory}.
 *
 * <p>Method: the heap in use after full collections ({@code System.gc()} until it stops shrinking,
 * read with {@link MemoryMXBean}) is taken with the city loaded, again with the locator built and
 * held, and again with the JTS baseline (STRtree of prepared micro-grid polygons, each prepared
 * polygon's point locator forced by one {@code covers} call) held as well; the differences are the
 * retained sizes. The polygons belong to the city and are counted in neither. Build time is the
 * median of five builds, wall clock and the building thread's CPU time (the machine may be shared).
 */
public final class LocateMemory {
  private LocateMemory() {}

  /**
   * Prints the measurements.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    SyntheticCity city = SyntheticCity.zhengzhou(1);
    long base = usedAfterGc();
    GridLocator locator = GridLocator.build(city.hierarchy(), city.polygons());
    long withLocator = usedAfterGc();
    STRtree jts = LocateBenchmark.jtsBaseline(city);
    for (GridId leaf : city.leaves()) {
      Polygon p = city.polygons().get(leaf);
      Coordinate c = p.getCoordinates()[0];
      for (Object o : jts.query(p.getEnvelopeInternal())) {
        ((LocateBenchmark.Leaf) o).geometry().covers(p.getFactory().createPoint(c));
      }
    }
    long withJts = usedAfterGc();
    long[] wall = new long[5];
    long[] cpu = new long[5];
    for (int i = 0; i < 5; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      GridLocator again = GridLocator.build(city.hierarchy(), city.polygons());
      wall[i] = System.nanoTime() - w0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
      if (again.indexSizeInBytes() != locator.indexSizeInBytes()) {
        throw new IllegalStateException("the build is not deterministic");
      }
    }
    java.util.Arrays.sort(wall);
    java.util.Arrays.sort(cpu);
    System.out.println(city);
    System.out.println(locator);
    System.out.printf(
        Locale.ROOT,
        "locator retained: %.1f MB (its own estimate of its arrays: %.1f MB)%n",
        (withLocator - base) / 1e6,
        locator.indexSizeInBytes() / 1e6);
    System.out.printf(
        Locale.ROOT, "JTS baseline retained: %.1f MB%n", (withJts - withLocator) / 1e6);
    System.out.printf(
        Locale.ROOT,
        "build (median of 5): wall %.2f s, thread CPU %.2f s%n",
        wall[2] / 1e9,
        cpu[2] / 1e9);
    if (jts.size() == 0 || locator.locateLeaf(0, 0) != -1) {
      throw new IllegalStateException(); // keeps both alive to the end
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= previous) {
        return used;
      }
      previous = used;
    }
    return previous;
  }
}
