/**
 * Domain generators for property-based policy tests, on grid-testkit's {@link
 * org.gridgov.testkit.Gen}: cities with geometry ({@link org.gridgov.lab.testkit.CityGens}, laid
 * out by grid-fixtures' {@code CityMaker}), the three lists ({@link
 * org.gridgov.lab.testkit.ListGens}), decision tables ({@link org.gridgov.lab.testkit.TableGens}),
 * case streams ({@link org.gridgov.lab.testkit.CaseGens}) and scoring schemes ({@link
 * org.gridgov.lab.testkit.SchemeGens}). Every generator shrinks meaningfully; lists and tables also
 * have a seeded, non-property entry point for sample data. Test support: depend on it in test
 * scope. No method accepts or returns {@code null}.
 */
package org.gridgov.lab.testkit;
