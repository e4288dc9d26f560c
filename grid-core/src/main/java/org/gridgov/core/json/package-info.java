/**
 * JSON formats of the core types (documented in {@code docs/formats.md}): {@link
 * org.gridgov.core.json.GridGovJson} is the front door that reads files all-or-nothing with located
 * errors; {@link org.gridgov.core.json.GridGovModule} plugs the same formats into any Jackson
 * {@code ObjectMapper}.
 *
 * <p><b>Start with</b> {@link org.gridgov.core.json.GridGovJson}: {@code readHierarchy}, {@code
 * readCases} (JSON Lines), {@code readCalendar}, {@code readTimeLimits} and their writers. A
 * malformed file is an {@link org.gridgov.core.InvalidInputException} naming the file, line, column
 * and JSON pointer.
 *
 * <pre>{@code
 * GridHierarchy city = GridGovJson.readHierarchy(Path.of("city-grids.json"));
 * WorkCalendar calendar = GridGovJson.readCalendar(Path.of("calendar.json"));
 * List<Case> cases = GridGovJson.readCases(Path.of("cases.jsonl"));
 * }</pre>
 */
package org.gridgov.core.json;
