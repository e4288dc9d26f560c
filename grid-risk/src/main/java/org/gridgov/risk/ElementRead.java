package org.gridgov.risk;

/**
 * The answer of {@link RegisterReader#read}: the element as the principal may see it, or a refusal
 * with its reason.
 */
public sealed interface ElementRead permits ElementView, ReadRefusal {}
