package org.gridgov.lab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.cases.Holder;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.lab.City;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.testkit.CityGens;
import org.gridgov.loop.Assignment;
import org.gridgov.loop.CaseService;
import org.gridgov.loop.TierMapping;
import org.gridgov.rules.PolicySet;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.lists.Department;
import org.gridgov.rules.lists.Item;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;

/**
 * The tier mapping of grid-loop's {@link CaseService} on generated cities: whatever the tier and
 * the leaf, the holder is a unit on the leaf's path at its own level, or a department at a level of
 * the ladder; and grid workers the access list refuses never hold the case.
 */
class TierMappingProperties {
  Gen<City> cities() {
    return CityGens.cities();
  }

  private static CaseService service(City city) {
    PolicyVariant v = PolicyVariant.defaults("p");
    PolicySet policy =
        new PolicySet(
            "p",
            LocalDate.of(2000, 1, 1),
            Optional.empty(),
            city.lists(),
            v.dispatcher(),
            v.escalation());
    return CaseService.builder(city.hierarchy(), policy, WorkCalendar.standard()).build();
  }

  private static void checkHolder(
      GridHierarchy h, LevelLadder ladder, TierMapping tiers, GridId leaf, Assignment a) {
    checkHolder(h, ladder, tiers, leaf, a, Optional.empty());
  }

  /** With a whistling level, a department reports to that level (吹哨报到) and sits there. */
  private static void checkHolder(
      GridHierarchy h,
      LevelLadder ladder,
      TierMapping tiers,
      GridId leaf,
      Assignment a,
      Optional<GridLevel> whistler) {
    Holder holder = a.holder();
    assertThat(ladder.contains(holder.level()))
        .as("%s: level on the ladder %s", a, ladder)
        .isTrue();
    if (holder.isDepartment()) {
      if (whistler.isPresent()) {
        assertThat(holder.level())
            .as("%s: reports to the whistling level", a)
            .isEqualTo(whistler.get());
      } else {
        assertThat(holder.level())
            .as("%s: a department sits at the district, the city or the ladder's top", a)
            .isIn(tiers.district(), tiers.city(), ladder.levels().get(0));
      }
      assertThat(a.tier())
          .isIn(HandlerTier.DISTRICT_DEPARTMENT, HandlerTier.CITY_DEPARTMENT, HandlerTier.JOINT);
    } else {
      GridId unit = holder.gridId().orElseThrow();
      assertThat(h.isWithin(leaf, unit)).as("%s is on the path of %s", a, leaf).isTrue();
      assertThat(h.grid(unit).orElseThrow().level())
          .as("%s: the unit's own level", a)
          .isEqualTo(holder.level());
      assertThat(holder.kind() == Holder.Kind.GRID).isEqualTo(a.tier() == HandlerTier.GRID);
    }
  }

  @Property(tries = 20)
  void everyTierOfEveryLeafMapsToAUnitOnItsPathOrADepartment(@ForAll("cities") City city) {
    CaseService service = service(city);
    LevelLadder ladder = service.policy().escalation().levels();
    TierMapping tiers = service.tiers();
    String dept =
        city.lists().departments().stream().map(Department::id).findFirst().orElse("centre");
    for (GridId leaf : city.leaves()) {
      for (HandlerTier tier : HandlerTier.values()) {
        Assignment a = service.assign(tier, leaf, dept);
        checkHolder(city.hierarchy(), ladder, tiers, leaf, a);
        if (tier == HandlerTier.GRID) {
          assertThat(a.holder()).isEqualTo(Holder.grid(leaf, a.holder().level()));
        }
        if (a.tier() == tier && !a.holder().isDepartment()) {
          assertThat(a.holder().level())
              .isEqualTo(tiers.level(tier, city.hierarchy().grid(leaf).orElseThrow().level()));
        }
        for (Item item : city.lists().items()) {
          Assignment placed = service.place(tier, leaf, item, dept, dept, LocalDate.of(2026, 4, 1));
          checkHolder(city.hierarchy(), ladder, tiers, leaf, placed);
          if (placed.refused().isPresent()) {
            assertThat(placed.holder().isDepartment()).isTrue();
            // the refusal was asked at the level of the unit that would have held it
            GridLevel asked = a.holder().level();
            assertThat(placed.refused().get().explanation()).contains("at level " + asked);
          }
        }
      }
      for (GridLevel level : ladder.levels()) {
        for (Item item : city.lists().items()) {
          checkHolder(
              city.hierarchy(),
              ladder,
              tiers,
              leaf,
              service.whistleTo(level, leaf, item.code(), dept),
              Optional.of(level));
        }
      }
    }
  }
}
