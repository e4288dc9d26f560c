/**
 * The three lists (三张清单, docs/domain.md §2): the item list (事项清单), the authority list (权责清单), and
 * the access and prohibited lists (准入/禁入清单), held together by {@link
 * org.gridgov.rules.lists.GovernanceLists}.
 *
 * <p>Read and write them with {@link org.gridgov.rules.lists.ListsJson} ({@code docs/lists.md}),
 * check them with {@link org.gridgov.rules.lists.ListConsistencyChecker}, and decide whether a
 * department may assign an item to grid workers with {@link
 * org.gridgov.rules.lists.AdmissionCheck}. Nothing here accepts or returns {@code null}.
 */
package org.gridgov.rules.lists;
