/**
 * Resident credit points (居民信用积分): the ledger's {@link org.gridgov.credit.Entry entries} and their
 * {@link org.gridgov.credit.EntryKind kinds}, and the {@link org.gridgov.credit.LedgerStore} that
 * keeps them durably.
 */
package org.gridgov.credit;
