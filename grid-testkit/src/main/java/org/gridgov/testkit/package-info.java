/**
 * Property-based testing on JUnit 5: generators ({@link org.gridgov.testkit.Gen}, built with {@link
 * org.gridgov.testkit.Gens}), shrinking and reproducible seeds.
 *
 * <p>Entry points: annotate a test method with {@link org.gridgov.testkit.Property} and its
 * parameters with {@link org.gridgov.testkit.ForAll}, or run {@link
 * org.gridgov.testkit.PropertyCheck#forAll(Gen)} from code. A failure names the seed; rerun with
 * {@code -Dgridgov.seed=S} to reproduce it. See {@code docs/testing.md}.
 *
 * <pre>{@code
 * class MaxTest {
 *   @Property(tries = 200)
 *   void maxIsAtLeastEither(@ForAll("small") int a, @ForAll("small") int b) {
 *     assertThat(Math.max(a, b)).isGreaterThanOrEqualTo(a).isGreaterThanOrEqualTo(b);
 *   }
 *
 *   Gen<Integer> small() {
 *     return Gens.integers(-1000, 1000);
 *   }
 * }
 * }</pre>
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a generator produces it.
 */
package org.gridgov.testkit;
