/**
 * The I/O toolkit of GridGov, shared by every module's readers and writers (exported only to the
 * GridGov modules): {@link org.gridgov.core.io.Json} (one hardened Jackson configuration, located
 * JSON documents, writers), {@link org.gridgov.core.io.JsonNodeAt} (typed getters that report
 * located problems), {@link org.gridgov.core.io.Problems} (first-error or all-errors collection),
 * {@link org.gridgov.core.io.JsonLines}, {@link org.gridgov.core.io.CsvReader} and {@link
 * org.gridgov.core.io.CsvHeader}, {@link org.gridgov.core.io.Csv} (writing), {@link
 * org.gridgov.core.io.Pointers} (RFC 6901), {@link org.gridgov.core.io.Suggestions} ("did you
 * mean") and {@link org.gridgov.core.io.AtomicFiles}. Every problem is an {@link
 * org.gridgov.core.InvalidInputException} with source, line, column and pointer where known.
 */
package org.gridgov.core.io;
