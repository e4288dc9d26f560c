package org.gridgov.risk;

/**
 * The answer of {@link RegisterReader#list}: the grid's elements as the principal may see them, or
 * a refusal with its reason.
 */
public sealed interface GridRead permits GridElements, ReadRefusal {}
