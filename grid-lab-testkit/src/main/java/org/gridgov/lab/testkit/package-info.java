/**
 * Domain generators for property-based policy tests, on grid-testkit's {@link
 * org.gridgov.testkit.Gen}: cities with geometry ({@link org.gridgov.lab.gen.CityGens}), the three
 * lists ({@link org.gridgov.lab.gen.ListGens}), decision tables ({@link
 * org.gridgov.lab.gen.TableGens}), case streams ({@link org.gridgov.lab.gen.CaseGens}) and scoring
 * schemes ({@link org.gridgov.lab.gen.SchemeGens}). Every generator shrinks meaningfully and has a
 * seeded, non-property entry point for sample data. No method accepts or returns {@code null}.
 */
package org.gridgov.lab.gen;
