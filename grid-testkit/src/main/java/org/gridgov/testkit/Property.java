package org.gridgov.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test method as a property: JUnit runs it as one test, which calls the method
 * {@link #tries} times with fresh values for its {@link ForAll} parameters.
 *
 * <pre>{@code
 * @Property(tries = 300)
 * void ratesStayInRange(@ForAll("cases") List<Case> cases) { ... }
 *
 * Gen<List<Case>> cases() { return Gens.lists(caseGen, 0, 50); }
 * }</pre>
 *
 * <p>On failure the test fails with the seed, the shrunk and the original counterexample; rerun
 * with {@code -Dgridgov.seed=S} or {@code @Property(seed = S)} to reproduce. {@code @BeforeEach}
 * and {@code @AfterEach} methods run once around the whole property, not around each try.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Test
@ExtendWith(PropertyExtension.class)
public @interface Property {
  /**
   * How many values to try; 0 (the default) means the system property {@code gridgov.tries}, or 100
   * if that is not set.
   *
   * @return the number of tries
   */
  int tries() default 0;

  /**
   * The seed; 0 (the default) means the system property {@code gridgov.seed}, or a random seed.
   *
   * @return the seed
   */
  long seed() default 0;

  /**
   * The maximum number of successful shrink steps (default 1000); 0 turns shrinking off.
   *
   * @return the shrink budget
   */
  int maxShrinks() default 1000;
}
