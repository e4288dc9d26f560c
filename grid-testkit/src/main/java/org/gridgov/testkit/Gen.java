package org.gridgov.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random values of type {@code T} for property tests.
 *
 * <p>A generator draws all its randomness from the {@link Source} it is given. The engine records
 * those choices and shrinks a failing value by simplifying the recorded choices and generating
 * again, so every generator built from {@link Gens} and the combinators here ({@link #map}, {@link
 * #flatMap}, {@link #filter}, lists, ...) shrinks without extra code.
 *
 * <p>Generators are immutable and thread-safe if the functions passed to them are; build them once
 * and reuse them.
 *
 * @param <T> the type of generated values
 */
@FunctionalInterface
public interface Gen<T> {

  /** How many values {@link #filter} draws before it gives up on one value. */
  int FILTER_ATTEMPTS = 100;

  /**
   * Generates one value.
   *
   * @param src the source of random choices
   * @return the value
   */
  T generate(Source src);

  /**
   * A generator applying {@code f} to the values of this one.
   *
   * @param f the function, applied to each generated value
   * @param <R> the new value type
   * @return the mapped generator
   */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return src -> f.apply(generate(src));
  }

  /**
   * A generator that uses each value of this one to choose the next generator, for dependent values
   * (for example a list and an index into it).
   *
   * @param f picks the generator to draw from, given a value of this one
   * @param <R> the new value type
   * @return the dependent generator
   */
  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
    Objects.requireNonNull(f, "f");
    return src -> f.apply(generate(src)).generate(src);
  }

  /**
   * A generator keeping only values that satisfy {@code predicate}. It tries {@value
   * #FILTER_ATTEMPTS} times per value and then discards the try; if that happens too often the
   * property fails with a "filter too strict" message. Prefer generating valid values directly.
   *
   * @param predicate the condition values must meet
   * @return the filtered generator
   */
  default Gen<T> filter(Predicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return src -> {
      for (int i = 0; i < FILTER_ATTEMPTS; i++) {
        int start = src.position();
        T value = generate(src);
        if (predicate.test(value)) {
          return value;
        }
        src.endSpan(start); // a rejected attempt: shrinking may drop it
      }
      throw new Discard(
          "Gen.filter too strict: it rejected "
              + FILTER_ATTEMPTS
              + " values in a row; generate valid values directly instead (map, flatMap)");
    };
  }

  /**
   * A generator of lists of values of this one; shorthand for {@link Gens#lists(Gen, int, int)}.
   *
   * @param minSize the smallest list size
   * @param maxSize the largest list size
   * @return the list generator
   */
  default Gen<List<T>> list(int minSize, int maxSize) {
    return Gens.lists(this, minSize, maxSize);
  }

  /**
   * Generates one value outside a property, for example to build sample data.
   *
   * @param seed the seed; the same seed gives the same value
   * @return the value
   */
  default T sample(long seed) {
    return generate(Source.random(seed));
  }

  /**
   * Generates {@code count} values outside a property from one seed.
   *
   * @param seed the seed; the same seed gives the same values
   * @param count how many values
   * @return the values, in generation order
   */
  default List<T> samples(long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0 but was " + count);
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(generate(Source.random(seeds.nextLong())));
    }
    return Collections.unmodifiableList(out);
  }
}
