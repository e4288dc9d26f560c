/**
 * The grid model of GridGov: grid ids, levels and kinds, the immutable {@link
 * org.gridgov.core.GridHierarchy} and the shared error and finding types.
 *
 * <p>Entry point: {@link org.gridgov.core.GridHierarchy#builder()}. Everything in this package is
 * null-safe: no method accepts or returns {@code null}; absent values are {@link
 * java.util.Optional} or empty collections.
 */
package org.gridgov.core;
