package org.gridgov.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.fixtures.SyntheticPoints;
import org.gridgov.geo.GridLocator;

/**
 * The serial form of the Zhengzhou-scale {@link GridLocator}: its size, the time to write it and
 * the time to read it back (what a Spark broadcast or a Flink state restore pays), against the
 * locator's retained memory. Run with {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar
 * org.gridgov.benchmarks.LocateSerialForm}.
 *
 * <p>Method: the city is generated and the locator built; retained memory is the heap in use after
 * full collections with the locator held minus without it (as in {@link LocateMemory}, hierarchy
 * excluded: the city holds it). The locator is written with an {@link ObjectOutputStream} to a byte
 * array, then read back with an {@link ObjectInputStream} from that array seven times; the first
 * read (cold: nothing of the reading path compiled yet) and the median of the other six are
 * printed, wall clock and the reading thread's CPU time (the machine may be shared). The copy must
 * answer {@code locate} and {@code locateLeaf} as the original on 200,000 uniform positions.
 */
public final class LocateSerialForm {
  private LocateSerialForm() {}

  /**
   * Prints the measurements.
   *
   * @param args ignored
   * @throws Exception when serialisation fails
   */
  public static void main(String[] args) throws Exception {
    SyntheticCity city = SyntheticCity.zhengzhou(1);
    long base = usedAfterGc();
    GridLocator locator = GridLocator.build(city.hierarchy(), city.polygons());
    long retained = usedAfterGc() - base;

    long w0 = System.nanoTime();
    byte[] bytes = write(locator);
    long writeNanos = System.nanoTime() - w0;

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] reads = new long[7];
    long[] readsCpu = new long[7];
    GridLocator copy = null;
    for (int i = 0; i < reads.length; i++) {
      copy = null;
      usedAfterGc();
      long c0 = threads.getCurrentThreadCpuTime();
      long r0 = System.nanoTime();
      copy = read(bytes);
      reads[i] = System.nanoTime() - r0;
      readsCpu[i] = threads.getCurrentThreadCpuTime() - c0;
    }
    long[] warm = Arrays.copyOfRange(reads, 1, reads.length);
    Arrays.sort(warm);
    long[] warmCpu = Arrays.copyOfRange(readsCpu, 1, readsCpu.length);
    Arrays.sort(warmCpu);

    SyntheticPoints pts = SyntheticPoints.uniform(city.extent(), 200_000, 5);
    for (int i = 0; i < pts.size(); i++) {
      double x = pts.lon(i);
      double y = pts.lat(i);
      if (copy.locateLeaf(x, y) != locator.locateLeaf(x, y)
          || !copy.locate(x, y).equals(locator.locate(x, y))) {
        throw new IllegalStateException("the copy answers differently at " + x + ", " + y);
      }
    }
    if (!copy.hierarchy().grids().equals(city.hierarchy().grids())) {
      throw new IllegalStateException("the copy's hierarchy differs");
    }

    System.out.println(city);
    System.out.println(locator);
    System.out.printf(
        Locale.ROOT,
        "retained: %.1f MB (index arrays %.1f MB)%n",
        retained / 1e6,
        locator.indexSizeInBytes() / 1e6);
    System.out.printf(
        Locale.ROOT,
        "serialised: %,d bytes = %.1f MB, %.2f x retained; written in %.0f ms%n",
        bytes.length,
        bytes.length / 1e6,
        (double) bytes.length / retained,
        writeNanos / 1e6);
    System.out.printf(
        Locale.ROOT,
        "deserialised: first (cold) %.0f ms wall, %.0f ms thread CPU; median of the next %d %.0f ms"
            + " wall (min %.0f, max %.0f), %.0f ms thread CPU%n",
        reads[0] / 1e6,
        readsCpu[0] / 1e6,
        warm.length,
        warm[warm.length / 2] / 1e6,
        warm[0] / 1e6,
        warm[warm.length - 1] / 1e6,
        warmCpu[warmCpu.length / 2] / 1e6);
    System.out.println("the copy answered as the original on " + pts.size() + " positions");
  }

  static byte[] write(GridLocator locator) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 26);
    try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
      oos.writeObject(locator);
    }
    return out.toByteArray();
  }

  static GridLocator read(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (GridLocator) in.readObject();
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
