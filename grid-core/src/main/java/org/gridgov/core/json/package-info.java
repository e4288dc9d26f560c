/**
 * JSON formats of the core types (documented in {@code docs/formats.md}): {@link
 * org.gridgov.core.json.GridGovJson} is the front door that reads files all-or-nothing with located
 * errors; {@link org.gridgov.core.json.GridGovModule} plugs the same formats into any Jackson
 * {@code ObjectMapper}.
 */
package org.gridgov.core.json;
