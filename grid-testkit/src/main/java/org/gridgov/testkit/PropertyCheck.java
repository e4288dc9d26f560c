package org.gridgov.testkit;

import java.util.Objects;

/**
 * Runs a property from code: {@code PropertyCheck.forAll(gen).tries(200).check(value -> ...)}.
 *
 * <p>The check generates {@code tries} values (default 100, or the system property {@code
 * gridgov.tries}) from a seed ({@link #seed}, else the system property {@code gridgov.seed}, else
 * random) and runs the body on each. On the first failure it shrinks the value to a simpler one
 * that still fails and throws an {@link AssertionError} naming the seed, the shrunk and the
 * original counterexample; its cause is the body's own failure. The same seed gives the same
 * values, so the seed reproduces the run.
 *
 * <p>Instances are immutable: each setting returns a new check. For tests, the {@link Property}
 * annotation is usually nicer.
 *
 * @param <T> the type of generated values
 */
public final class PropertyCheck<T> {
  private final Gen<T> gen;
  private final int tries;
  private final long seed;
  private final int maxShrinks;
  private final String name;

  private PropertyCheck(Gen<T> gen, int tries, long seed, int maxShrinks, String name) {
    this.gen = gen;
    this.tries = tries;
    this.seed = seed;
    this.maxShrinks = maxShrinks;
    this.name = name;
  }

  /**
   * Starts a property over the values of {@code gen}.
   *
   * @param gen the generator
   * @param <T> the value type
   * @return the check, with default settings
   */
  public static <T> PropertyCheck<T> forAll(Gen<T> gen) {
    Objects.requireNonNull(gen, "gen");
    return new PropertyCheck<>(gen, 0, 0, Settings.DEFAULT_MAX_SHRINKS, "check");
  }

  /**
   * Starts a property over pairs of values.
   *
   * @param a the first generator
   * @param b the second generator
   * @param <A> the first value type
   * @param <B> the second value type
   * @return the check
   */
  public static <A, B> Two<A, B> forAll(Gen<A> a, Gen<B> b) {
    return new Two<>(forAll(Gens.combine(a, b, (x, y) -> new Object[] {x, y})));
  }

  /**
   * Starts a property over triples of values.
   *
   * @param a the first generator
   * @param b the second generator
   * @param c the third generator
   * @param <A> the first value type
   * @param <B> the second value type
   * @param <C> the third value type
   * @return the check
   */
  public static <A, B, C> Three<A, B, C> forAll(Gen<A> a, Gen<B> b, Gen<C> c) {
    return new Three<>(forAll(Gens.combine(a, b, c, (x, y, z) -> new Object[] {x, y, z})));
  }

  /**
   * Discards the current try unless {@code condition} holds; use it in a property body (also in
   * {@link Property} methods) to skip inputs the property does not speak about. Too many discards
   * make the property fail.
   *
   * @param condition the assumption
   */
  public static void assume(boolean condition) {
    if (!condition) {
      throw new Discard("an assumption did not hold");
    }
  }

  /**
   * Sets the number of values to try.
   *
   * @param count the number of tries, {@code > 0}
   * @return a new check
   */
  public PropertyCheck<T> tries(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("tries must be > 0 but was " + count);
    }
    return new PropertyCheck<>(gen, count, seed, maxShrinks, name);
  }

  /**
   * Sets the seed, to reproduce a reported failure.
   *
   * @param value the seed; 0 means the system property {@code gridgov.seed} or random
   * @return a new check
   */
  public PropertyCheck<T> seed(long value) {
    return new PropertyCheck<>(gen, tries, value, maxShrinks, name);
  }

  /**
   * Sets the maximum number of successful shrink steps.
   *
   * @param count the limit, {@code >= 0}; 0 turns shrinking off
   * @return a new check
   */
  public PropertyCheck<T> maxShrinks(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("maxShrinks must be >= 0 but was " + count);
    }
    return new PropertyCheck<>(gen, tries, seed, count, name);
  }

  /**
   * Names the property in failure messages.
   *
   * @param label the name
   * @return a new check
   */
  public PropertyCheck<T> named(String label) {
    return new PropertyCheck<>(gen, tries, seed, maxShrinks, Objects.requireNonNull(label));
  }

  /**
   * Runs the property.
   *
   * @param body the property: throws (for example an assertion error) when it does not hold
   * @throws AssertionError if the property fails, with the seed and the shrunk counterexample
   */
  public void check(Body<? super T> body) {
    Objects.requireNonNull(body, "body");
    run(body::accept, Render::value);
  }

  private void run(Engine.Body<? super T> body, java.util.function.Function<? super T, String> r) {
    new Engine<>(name, gen, body, r, Settings.resolve(tries, seed, maxShrinks)).run();
  }

  /**
   * The body of a property over one value.
   *
   * @param <T> the value type
   */
  @FunctionalInterface
  public interface Body<T> {
    /**
     * Checks the property for one value.
     *
     * @param value the generated value
     * @throws Throwable when the property does not hold
     */
    void accept(T value) throws Throwable;
  }

  /**
   * The body of a property over two values.
   *
   * @param <A> the first value type
   * @param <B> the second value type
   */
  @FunctionalInterface
  public interface Body2<A, B> {
    /**
     * Checks the property for two values.
     *
     * @param a the first value
     * @param b the second value
     * @throws Throwable when the property does not hold
     */
    void accept(A a, B b) throws Throwable;
  }

  /**
   * The body of a property over three values.
   *
   * @param <A> the first value type
   * @param <B> the second value type
   * @param <C> the third value type
   */
  @FunctionalInterface
  public interface Body3<A, B, C> {
    /**
     * Checks the property for three values.
     *
     * @param a the first value
     * @param b the second value
     * @param c the third value
     * @throws Throwable when the property does not hold
     */
    void accept(A a, B b, C c) throws Throwable;
  }

  /**
   * A property over two values; see {@link PropertyCheck}.
   *
   * @param <A> the first value type
   * @param <B> the second value type
   */
  public static final class Two<A, B> {
    private final PropertyCheck<Object[]> inner;

    private Two(PropertyCheck<Object[]> inner) {
      this.inner = inner;
    }

    /**
     * Sets the number of values to try.
     *
     * @param count the number of tries, {@code > 0}
     * @return a new check
     */
    public Two<A, B> tries(int count) {
      return new Two<>(inner.tries(count));
    }

    /**
     * Sets the seed.
     *
     * @param value the seed; 0 means the system property {@code gridgov.seed} or random
     * @return a new check
     */
    public Two<A, B> seed(long value) {
      return new Two<>(inner.seed(value));
    }

    /**
     * Sets the maximum number of successful shrink steps.
     *
     * @param count the limit, {@code >= 0}
     * @return a new check
     */
    public Two<A, B> maxShrinks(int count) {
      return new Two<>(inner.maxShrinks(count));
    }

    /**
     * Names the property in failure messages.
     *
     * @param label the name
     * @return a new check
     */
    public Two<A, B> named(String label) {
      return new Two<>(inner.named(label));
    }

    /**
     * Runs the property.
     *
     * @param body the property
     * @throws AssertionError if the property fails
     */
    @SuppressWarnings("unchecked")
    public void check(Body2<? super A, ? super B> body) {
      Objects.requireNonNull(body, "body");
      inner.run(v -> body.accept((A) v[0], (B) v[1]), PropertyCheck::renderArgs);
    }
  }

  /**
   * A property over three values; see {@link PropertyCheck}.
   *
   * @param <A> the first value type
   * @param <B> the second value type
   * @param <C> the third value type
   */
  public static final class Three<A, B, C> {
    private final PropertyCheck<Object[]> inner;

    private Three(PropertyCheck<Object[]> inner) {
      this.inner = inner;
    }

    /**
     * Sets the number of values to try.
     *
     * @param count the number of tries, {@code > 0}
     * @return a new check
     */
    public Three<A, B, C> tries(int count) {
      return new Three<>(inner.tries(count));
    }

    /**
     * Sets the seed.
     *
     * @param value the seed; 0 means the system property {@code gridgov.seed} or random
     * @return a new check
     */
    public Three<A, B, C> seed(long value) {
      return new Three<>(inner.seed(value));
    }

    /**
     * Sets the maximum number of successful shrink steps.
     *
     * @param count the limit, {@code >= 0}
     * @return a new check
     */
    public Three<A, B, C> maxShrinks(int count) {
      return new Three<>(inner.maxShrinks(count));
    }

    /**
     * Names the property in failure messages.
     *
     * @param label the name
     * @return a new check
     */
    public Three<A, B, C> named(String label) {
      return new Three<>(inner.named(label));
    }

    /**
     * Runs the property.
     *
     * @param body the property
     * @throws AssertionError if the property fails
     */
    @SuppressWarnings("unchecked")
    public void check(Body3<? super A, ? super B, ? super C> body) {
      Objects.requireNonNull(body, "body");
      inner.run(v -> body.accept((A) v[0], (B) v[1], (C) v[2]), PropertyCheck::renderArgs);
    }
  }

  static String renderArgs(Object[] args) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append('#').append(i + 1).append(" = ").append(Render.value(args[i]));
    }
    return sb.toString();
  }
}
