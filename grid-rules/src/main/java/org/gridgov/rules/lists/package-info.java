/**
 * The three lists (三张清单, docs/domain.md §2): the item list (事项清单), the authority list (权责清单), and
 * the access and prohibited lists (准入/禁入清单), held together by {@link
 * org.gridgov.rules.lists.GovernanceLists}.
 *
 * <p>Read and write them with {@link org.gridgov.rules.lists.ListsJson} ({@code docs/lists.md}),
 * check them with {@link org.gridgov.rules.lists.ListConsistencyChecker}, and decide whether a
 * department may assign an item to grid workers with {@link
 * org.gridgov.rules.lists.AdmissionCheck}. Nothing here accepts or returns {@code null}.
 *
 * <p><b>Start with</b> {@link org.gridgov.rules.lists.ListsJson#read(java.nio.file.Path)}:
 *
 * <pre>{@code
 * GovernanceLists lists = ListsJson.read(Path.of("lists.json"));      // all or nothing, located errors
 * ListConsistencyChecker.defaults().check(lists, LocalDate.of(2026, 3, 2));   // findings, not exceptions
 * Admission a = lists.admission().check("01001", GridLevel.COMMUNITY, "CG", LocalDate.of(2026, 3, 2));
 * a.allowed();       // may the department CG hand item 01001 to community grid workers?
 * a.explanation();   // which entry decided, and why
 * }</pre>
 */
package org.gridgov.rules.lists;
