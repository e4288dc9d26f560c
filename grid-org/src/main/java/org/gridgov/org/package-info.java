/**
 * Party-building-led organisation on the grids (党建引领): {@link org.gridgov.org.OrgDirectory} holds
 * the organisations, people, posts and dual-reporting records of a set of grids. See {@code
 * docs/org.md} for the format, the rules and the command line.
 */
package org.gridgov.org;
