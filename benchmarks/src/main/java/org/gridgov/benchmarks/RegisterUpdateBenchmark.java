package org.gridgov.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.risk.ColourMark;
import org.gridgov.risk.Element;
import org.gridgov.risk.ElementRegister;
import org.gridgov.risk.RegisterChange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One event on a register of 1 million elements (issue 14: recolouring one element on an event, or
 * committing one change to the journal, must not cost the whole register): a colour mark on one
 * element, each operation a different element.
 *
 * <ul>
 *   <li>{@code incremental}: {@link ElementRegister#with} on the register the previous operation
 *       made — a stream of events, so the overlay's merges into the base (about every √n events)
 *       are paid inside the measurement, amortised as in use;
 *   <li>{@code rebuild} (baseline): {@code toBuilder().mark(..).build()}, what the recolourer and
 *       the journal did before — copies and sorts every id.
 * </ul>
 *
 * The smoke test checks that both registers answer alike.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:ActiveProcessorCount=1"})
public class RegisterUpdateBenchmark {
  /** Elements in the register. */
  @Param({"1000000"})
  public int elements;

  static final LocalDate DAY = LocalDate.of(2026, 5, 6);

  ElementRegister base;
  ElementRegister current;
  int next;

  @Setup
  public void setup() {
    base = register(elements);
    current = base;
    next = 0;
  }

  static ElementRegister register(int n) {
    ElementRegister.Builder b = ElementRegister.builder();
    ElementType[] types = ElementType.values();
    for (int i = 0; i < n; i++) {
      String id = id(i);
      b.add(
          LocalDate.of(2025, 1, 1),
          Element.of(
              id, types[i % types.length], GridId.of("G" + i % 54_161), Optional.empty(), id));
      b.mark(id, ColourMark.manual(RiskColour.BLUE, LocalDate.of(2025, 1, 1), "b", "b"));
    }
    return b.build();
  }

  static String id(int i) {
    return String.format("E%07d", i);
  }

  static ColourMark event(int i) {
    return ColourMark.manual(RiskColour.RED, DAY.plusDays(i % 300), "event " + i, "job");
  }

  /** The element the next operation marks: a spread-out walk over every id. */
  private String nextId() {
    int i = (int) ((next++ * 7_919L) % elements);
    return id(i);
  }

  @Benchmark
  public ElementRegister incremental() {
    String id = nextId();
    current = current.with(List.of(RegisterChange.mark(id, event(next))));
    return current;
  }

  @Benchmark
  public ElementRegister rebuild() {
    String id = nextId();
    return base.toBuilder().mark(id, event(next)).build();
  }
}
