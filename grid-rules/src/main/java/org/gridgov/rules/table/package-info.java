/**
 * Decision tables (决策表): a general DMN-style decision-table engine with typed inputs, simple unary
 * tests, all seven hit policies, explanations, a compiled fast form, static verification and the
 * JSON and DMN XML formats.
 *
 * <p>The front doors are {@link org.gridgov.rules.table.DecisionTables} (read and write tables),
 * {@link org.gridgov.rules.table.DecisionTable} (build, {@link
 * org.gridgov.rules.table.DecisionTable#compile compile} a table, {@link
 * org.gridgov.rules.table.CompiledTable#evaluate(java.util.Map) evaluate} it) and {@link
 * org.gridgov.rules.table.TableVerifier} (find overlaps, gaps, masked and subsumed rules).
 *
 * <pre>{@code
 * DecisionTable table = DecisionTables.read(Path.of("route.json"));   // JSON or DMN XML
 * CompiledTable fast = table.compile();                                // once; thread-safe
 * DecisionResult r = fast.evaluate(Map.of("category", "environment", "attention", 72));
 * r.value();                                                           // the outputs, if a rule hit
 * TableVerifier.defaults().verify(table).isClean();                    // no overlaps, no gaps
 * }</pre>
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so; the model
 * types are immutable records and the services are thread-safe.
 */
package org.gridgov.rules.table;
