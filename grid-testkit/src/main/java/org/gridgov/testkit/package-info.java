/**
 * Property-based testing on JUnit 5: generators ({@code Gen}), shrinking and reproducible seeds.
 */
package org.gridgov.testkit;
