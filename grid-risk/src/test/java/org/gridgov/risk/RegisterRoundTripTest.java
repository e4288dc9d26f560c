package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;

/** Writing a register and reading it back gives the same register, in both formats. */
class RegisterRoundTripTest {
  private Gen<ElementRegister> registers() {
    return RegisterGens.REGISTERS;
  }

  private static void assertSame(ElementRegister back, ElementRegister r) {
    assertThat(back.ids()).isEqualTo(r.ids());
    for (String id : r.ids()) {
      assertThat(back.versions(id)).as("versions of %s", id).isEqualTo(r.versions(id));
      assertThat(back.marks(id)).as("marks of %s", id).isEqualTo(r.marks(id));
    }
  }

  @Property(tries = 200)
  void jsonLinesRoundTrip(@ForAll("registers") ElementRegister r) {
    assertSame(RegisterTestData.jsonLines(ElementFiles.toJsonLines(r)), r);
  }

  @Property(tries = 200)
  void csvRoundTrip(@ForAll("registers") ElementRegister r) {
    assertSame(RegisterTestData.csv(ElementFiles.toCsv(r)), r);
  }

  @Property(tries = 60)
  void theAsOfExportReadsBackAsThatDay(@ForAll("registers") ElementRegister r) {
    for (LocalDate d : RegisterGens.probeDates()) {
      for (ElementRegister back :
          new ElementRegister[] {
            RegisterTestData.jsonLines(ElementFiles.toJsonLines(r, d)),
            RegisterTestData.csv(ElementFiles.toCsv(r, d))
          }) {
        assertThat(back.asOf(d)).isEqualTo(r.asOf(d));
        for (Element e : r.asOf(d)) { // the export speaks of the elements in force that day
          String id = e.id();
          assertThat(back.colour(id, d)).as("colour of %s on %s", id, d).isEqualTo(r.colour(id, d));
        }
      }
    }
  }
}
