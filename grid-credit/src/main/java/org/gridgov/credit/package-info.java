/**
 * Resident credit points (居民信用积分): point rules as versioned data, an append-only ledger that never
 * loses a committed entry, recognition, appeal and repair, levels and explained statements.
 *
 * <p><b>Start with</b> {@link org.gridgov.credit.CreditSchemes#read} for the scheme and either the
 * pure {@link org.gridgov.credit.CreditReplay} (entries in, balances, levels and statements out) or
 * the {@link org.gridgov.credit.CreditLedger} service (recognise, deduct, redeem, appeal, repair,
 * with access checks, caps, privacy and a read audit) over a durable {@link
 * org.gridgov.credit.LedgerStore} from {@link org.gridgov.credit.LedgerStores} — the file journal
 * or a JDBC database:
 *
 * <pre>{@code
 * CreditScheme scheme = CreditSchemes.read(Path.of("credit-scheme.json"));
 * EntryLog log = CreditEntries.read(Path.of("credit-entries.jsonl"));   // located errors
 * CreditBook book = CreditReplay.replay(scheme, log, ReplayOptions.defaults());
 * book.account("r-1").ifPresent(a -> System.out.println(a.balance() + " " + a.level()));
 *
 * try (LedgerStore store = LedgerStores.openJournal(Path.of("ledger.journal"))) {
 *   CreditLedger ledger = CreditLedger.builder(store, scheme)
 *       .posts(posts).grids(city).residents(residents).build();
 *   ledger.recognise(worker, "r-1", "V01", 2, Optional.of("sign-in-sheet-42"));
 * }
 * }</pre>
 *
 * <p>The formats are in {@code docs/credit.md}, the service in {@code docs/credit-service.md}, the
 * stores in {@code docs/credit-storage.md}.
 */
package org.gridgov.credit;
