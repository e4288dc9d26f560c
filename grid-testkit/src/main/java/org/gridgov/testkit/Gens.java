package org.gridgov.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Factories for the standard generators: numbers, booleans, choices, lists, strings, enums and
 * combinations. Each shrinks towards the simplest value: numbers towards the value nearest zero
 * inside their range, choices towards the first option, lists towards fewer and simpler elements.
 *
 * <p>All generators returned are immutable and thread-safe.
 */
public final class Gens {
  private static final long FRACTION_STEPS = 1L << 52;

  private Gens() {}

  /**
   * Integers in {@code [lo, hi]}, biased towards the bounds and small values; shrinks towards the
   * value nearest zero.
   *
   * @param lo the smallest value
   * @param hi the largest value
   * @return the generator
   */
  public static Gen<Integer> integers(int lo, int hi) {
    Source.checkRange(lo, hi);
    return src -> src.ints(lo, hi);
  }

  /**
   * Any {@code int}.
   *
   * @return the generator
   */
  public static Gen<Integer> ints() {
    return integers(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /**
   * Longs in {@code [lo, hi]}, biased towards the bounds and small values; shrinks towards the
   * value nearest zero.
   *
   * @param lo the smallest value
   * @param hi the largest value
   * @return the generator
   */
  public static Gen<Long> longs(long lo, long hi) {
    Source.checkRange(lo, hi);
    return src -> src.longs(lo, hi);
  }

  /**
   * Any {@code long}.
   *
   * @return the generator
   */
  public static Gen<Long> longs() {
    return longs(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * Finite doubles in {@code [lo, hi]}. Produces the bounds and the value nearest zero now and
   * then, and whole numbers often; shrinks towards the value nearest zero, whole numbers first.
   *
   * @param lo the smallest value, finite
   * @param hi the largest value, finite
   * @return the generator
   */
  public static Gen<Double> doubles(double lo, double hi) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo <= hi)) {
      throw new IllegalArgumentException("need finite lo <= hi but got [" + lo + ", " + hi + "]");
    }
    double o = lo > 0 ? lo : (hi < 0 ? hi : 0.0);
    double above = hi - o;
    double below = o - lo;
    return src -> {
      int pick = src.random().nextInt(20);
      boolean up;
      if (above > 0 && below > 0) {
        // 0 = towards hi, 1 = towards lo: shrinks to the positive side first.
        boolean proposal = pick <= 1 || (pick > 2 && src.random().nextBoolean());
        up = src.choose(0, 1, proposal ? 0 : 1) == 0;
      } else {
        up = above > 0;
      }
      double span = up ? above : below;
      double bound = up ? hi : lo;
      double magnitude = magnitude(src, span, pick == 0 ? 0 : pick <= 2 ? 2 : 1);
      if (magnitude >= span) {
        return bound;
      }
      return up ? o + magnitude : o - magnitude;
    };
  }

  /**
   * A distance in {@code [0, span]} drawn as a whole part and a binary fraction, so that shrinking
   * reaches whole numbers first. {@code mode} 0 proposes zero, 2 the span, 1 a random distance.
   */
  private static double magnitude(Source src, double span, int mode) {
    if (span >= 1 && span <= 1L << 53) {
      long whole = (long) Math.floor(span);
      long wholeProposal = mode == 0 ? 0 : mode == 2 ? whole : src.edgeBiased(0, whole);
      long w = src.choose(0, whole, wholeProposal);
      long fracProposal;
      if (mode == 2) {
        fracProposal = FRACTION_STEPS - 1;
      } else if (mode == 0 || src.random().nextInt(5) == 0) {
        fracProposal = 0;
      } else {
        fracProposal = src.uniform(0, FRACTION_STEPS - 1);
      }
      long f = src.choose(0, FRACTION_STEPS - 1, fracProposal);
      return w + (double) f / FRACTION_STEPS;
    }
    long steps = 1L << 53;
    long proposal = mode == 0 ? 0 : mode == 2 ? steps : src.edgeBiased(0, steps);
    long f = src.choose(0, steps, proposal);
    return f == steps ? span : span * ((double) f / steps);
  }

  /**
   * {@code true} or {@code false}; shrinks towards {@code false}.
   *
   * @return the generator
   */
  public static Gen<Boolean> booleans() {
    return Source::booleans;
  }

  /**
   * Always {@code value}.
   *
   * @param value the value
   * @param <T> the value type
   * @return the generator
   */
  public static <T> Gen<T> constant(T value) {
    return src -> value;
  }

  /**
   * One of {@code values}; shrinks towards the first.
   *
   * @param values the values to choose from, at least one
   * @param <T> the value type
   * @return the generator
   */
  @SafeVarargs
  public static <T> Gen<T> elements(T... values) {
    List<T> list = new ArrayList<>(values.length);
    for (T v : values) {
      list.add(v); // element by element: the varargs array never escapes
    }
    return elements(list);
  }

  /**
   * One of {@code values}; shrinks towards the first.
   *
   * @param values the values to choose from, at least one
   * @param <T> the value type
   * @return the generator
   */
  public static <T> Gen<T> elements(List<? extends T> values) {
    List<T> copy = Collections.unmodifiableList(new ArrayList<>(values));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("elements: need at least one value");
    }
    int last = copy.size() - 1;
    return src -> copy.get((int) src.choose(0, last, src.uniform(0, last)));
  }

  /**
   * A constant of {@code type}; shrinks towards the first constant.
   *
   * @param type the enum class
   * @param <E> the enum type
   * @return the generator
   */
  public static <E extends Enum<E>> Gen<E> enums(Class<E> type) {
    return elements(type.getEnumConstants());
  }

  /**
   * A value from one of {@code gens}, each chosen equally often; shrinks towards the first.
   *
   * @param gens the generators, at least one
   * @param <T> the value type
   * @return the generator
   */
  @SafeVarargs
  public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> list = new ArrayList<>(gens.length);
    for (Gen<? extends T> g : gens) {
      list.add(g); // element by element: the varargs array never escapes
    }
    return oneOf(list);
  }

  /**
   * A value from one of {@code gens}, each chosen equally often; shrinks towards the first.
   *
   * @param gens the generators, at least one
   * @param <T> the value type
   * @return the generator
   */
  public static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> gens) {
    List<Gen<? extends T>> copy = List.copyOf(gens);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("oneOf: need at least one generator");
    }
    int last = copy.size() - 1;
    return src -> copy.get((int) src.choose(0, last, src.uniform(0, last))).generate(src);
  }

  /**
   * A generator with a weight, for {@link #frequency}.
   *
   * @param weight the relative weight, {@code >= 0}
   * @param gen the generator
   * @param <T> the value type
   */
  public record Weighted<T>(int weight, Gen<? extends T> gen) {
    /**
     * Validates the weight.
     *
     * @param weight the relative weight, {@code >= 0}
     * @param gen the generator
     */
    public Weighted {
      if (weight < 0) {
        throw new IllegalArgumentException("weight must be >= 0 but was " + weight);
      }
      Objects.requireNonNull(gen, "gen");
    }
  }

  /**
   * Pairs a weight with a generator, for {@link #frequency}.
   *
   * @param weight the relative weight, {@code >= 0}
   * @param gen the generator
   * @param <T> the value type
   * @return the pair
   */
  public static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  /**
   * A value from one of the generators, chosen in proportion to the weights ({@code
   * frequency(weighted(3, a), weighted(1, b))} draws from {@code a} three times as often as from
   * {@code b}); shrinks towards the first option with a positive weight. Options with weight 0 are
   * never chosen.
   *
   * @param options the weighted generators; the weights must not all be 0
   * @param <T> the value type
   * @return the generator
   */
  @SafeVarargs
  public static <T> Gen<T> frequency(Weighted<? extends T>... options) {
    List<Gen<? extends T>> gens = new ArrayList<>();
    List<Integer> cumulative = new ArrayList<>();
    long total = 0;
    for (Weighted<? extends T> w : options) {
      if (w.weight() > 0) {
        total += w.weight();
        gens.add(w.gen());
        cumulative.add((int) Math.min(Integer.MAX_VALUE, total));
      }
    }
    if (gens.isEmpty()) {
      throw new IllegalArgumentException("frequency: need at least one option with weight > 0");
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "frequency: weights add up to more than Integer.MAX_VALUE");
    }
    int[] bounds = cumulative.stream().mapToInt(Integer::intValue).toArray();
    int sum = (int) total;
    int last = bounds.length - 1;
    return src -> {
      int r = src.random().nextInt(sum);
      int proposal = 0;
      while (bounds[proposal] <= r) {
        proposal++;
      }
      return gens.get((int) src.choose(0, last, proposal)).generate(src);
    };
  }

  /**
   * Lists of {@code minSize} to {@code maxSize} elements from {@code element}. Sizes are usually
   * small, sometimes the bounds; shrinks by dropping elements and simplifying the rest.
   *
   * @param element the element generator
   * @param minSize the smallest size, {@code >= 0}
   * @param maxSize the largest size, {@code >= minSize}
   * @param <T> the element type
   * @return the generator of unmodifiable lists
   */
  public static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
    Objects.requireNonNull(element, "element");
    if (minSize < 0 || maxSize < minSize) {
      throw new IllegalArgumentException(
          "need 0 <= minSize <= maxSize but got [" + minSize + ", " + maxSize + "]");
    }
    return src -> {
      int target = targetSize(src, minSize, maxSize);
      List<T> out = new ArrayList<>(Math.min(target, 1024));
      for (int i = 0; i < minSize; i++) {
        out.add(element.generate(src));
      }
      // One "another element?" choice before each optional element: deleting an element's
      // choices during shrinking deletes exactly that element.
      while (out.size() < maxSize) {
        int start = src.position();
        if (src.choose(0, 1, out.size() < target ? 1 : 0) == 0) {
          break;
        }
        out.add(element.generate(src));
        src.endSpan(start);
      }
      return Collections.unmodifiableList(out);
    };
  }

  private static int targetSize(Source src, int min, int max) {
    int pick = src.random().nextInt(20);
    long cap = Math.min(max, (long) min + 1000);
    if (pick < 2) {
      return min;
    }
    if (pick == 2) {
      return (int) cap;
    }
    if (pick < 12) {
      return (int) src.uniform(min, Math.min(max, (long) min + 10));
    }
    return (int) src.uniform(min, cap);
  }

  /**
   * Strings of {@code minLength} to {@code maxLength} characters (code points) taken from {@code
   * alphabet}; shrinks towards shorter strings of the alphabet's first characters.
   *
   * @param alphabet the characters to use, at least one
   * @param minLength the smallest length in code points
   * @param maxLength the largest length in code points
   * @return the generator
   */
  public static Gen<String> strings(String alphabet, int minLength, int maxLength) {
    int[] codePoints = alphabet.codePoints().toArray();
    if (codePoints.length == 0) {
      throw new IllegalArgumentException("strings: the alphabet is empty");
    }
    int last = codePoints.length - 1;
    Gen<Integer> chars = src -> codePoints[(int) src.choose(0, last, src.uniform(0, last))];
    return lists(chars, minLength, maxLength)
        .map(
            cps -> {
              StringBuilder sb = new StringBuilder(cps.size());
              cps.forEach(sb::appendCodePoint);
              return sb.toString();
            });
  }

  /**
   * Strings of lower-case ASCII letters and digits.
   *
   * @param minLength the smallest length
   * @param maxLength the largest length
   * @return the generator
   */
  public static Gen<String> strings(int minLength, int maxLength) {
    return strings("abcdefghijklmnopqrstuvwxyz0123456789", minLength, maxLength);
  }

  /**
   * Empty or a value from {@code gen} (three times in four); shrinks towards empty.
   *
   * @param gen the generator of present values
   * @param <T> the value type
   * @return the generator
   */
  public static <T> Gen<Optional<T>> optionals(Gen<T> gen) {
    Objects.requireNonNull(gen, "gen");
    return src ->
        src.choose(0, 1, src.random().nextInt(4) == 0 ? 0 : 1) == 0
            ? Optional.empty()
            : Optional.ofNullable(gen.generate(src));
  }

  /**
   * Combines values of two generators.
   *
   * @param a the first generator
   * @param b the second generator
   * @param f combines one value of each
   * @param <A> the first value type
   * @param <B> the second value type
   * @param <R> the result type
   * @return the generator
   */
  public static <A, B, R> Gen<R> combine(
      Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return src -> f.apply(a.generate(src), b.generate(src));
  }

  /**
   * A function of three arguments, for {@link #combine(Gen, Gen, Gen, Function3)}.
   *
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @param <C> the third argument type
   * @param <R> the result type
   */
  @FunctionalInterface
  public interface Function3<A, B, C, R> {
    /**
     * Applies the function.
     *
     * @param a the first argument
     * @param b the second argument
     * @param c the third argument
     * @return the result
     */
    R apply(A a, B b, C c);
  }

  /**
   * Combines values of three generators.
   *
   * @param a the first generator
   * @param b the second generator
   * @param c the third generator
   * @param f combines one value of each
   * @param <A> the first value type
   * @param <B> the second value type
   * @param <C> the third value type
   * @param <R> the result type
   * @return the generator
   */
  public static <A, B, C, R> Gen<R> combine(
      Gen<A> a, Gen<B> b, Gen<C> c, Function3<? super A, ? super B, ? super C, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return src -> f.apply(a.generate(src), b.generate(src), c.generate(src));
  }
}
