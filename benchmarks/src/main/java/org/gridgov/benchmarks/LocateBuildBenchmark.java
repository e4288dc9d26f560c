package org.gridgov.benchmarks;

import java.util.concurrent.TimeUnit;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.geo.GridLocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the lookup index of the Zhengzhou-scale city ({@link SyntheticCity#zhengzhou(long)},
 * every level's polygons: 74,956 grids, 4.6 million ring vertices) on one thread: {@code build} is
 * {@link GridLocator#build}; {@code generate} is the synthetic city generator, for reference.
 * Single-shot: each iteration is one cold-ish build after warm-up iterations. Memory is measured by
 * {@link LocateMemory}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class LocateBuildBenchmark {
  SyntheticCity city;

  /** Generates the city once. */
  @Setup(Level.Trial)
  public void setUp() {
    city = SyntheticCity.zhengzhou(1);
  }

  @Benchmark
  public GridLocator build() {
    return GridLocator.build(city.hierarchy(), city.polygons());
  }

  @Benchmark
  public SyntheticCity generate() {
    return SyntheticCity.zhengzhou(2);
  }
}
