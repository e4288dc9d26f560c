package org.gridgov.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter of a {@link Property} method as generated.
 *
 * <p>{@link #value} names a method without parameters in the test class (or a superclass, or an
 * enclosing class of a {@code @Nested} test) that returns the {@link Gen}; it may be static or an
 * instance method, and private. It is called once per property. Without a name, {@code int}, {@code
 * long}, {@code double}, {@code boolean}, their boxes, {@code String} and enum parameters get a
 * default generator.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ForAll {
  /**
   * The name of the method returning the generator; empty for the type's default generator.
   *
   * @return the method name
   */
  String value() default "";
}
