package org.gridgov.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.rules.lists.Item;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.UnitKind;
import org.junit.jupiter.api.Test;

class PolicyVariantTest {
  private static final WorkCalendar CAL = WorkCalendar.standard();

  @Test
  void scalingRoundsUpToWholeUnitsAndTurnsPartDaysIntoHours() {
    assertThat(PolicyVariant.scale(TimeLimit.workingHours(4), 1.5, CAL))
        .isEqualTo(TimeLimit.workingHours(6));
    assertThat(PolicyVariant.scale(TimeLimit.workingHours(3), 1.5, CAL))
        .isEqualTo(TimeLimit.workingHours(5));
    assertThat(PolicyVariant.scale(TimeLimit.workingDays(3), 2, CAL))
        .isEqualTo(TimeLimit.workingDays(6));
    // 1.5 working days of 8 hours
    assertThat(PolicyVariant.scale(TimeLimit.workingDays(1), 1.5, CAL))
        .isEqualTo(TimeLimit.workingHours(12));
    assertThat(PolicyVariant.scale(TimeLimit.calendarHours(24), 0.5, CAL))
        .isEqualTo(TimeLimit.calendarHours(12));
  }

  @Test
  void limitsComeFromTheOverridesThenTheItemThenTheFactor() {
    Item item =
        Item.builder(
                "01001",
                "暴露垃圾",
                org.gridgov.core.GridLevel.COMMUNITY,
                new TimeLimits(TimeLimit.workingHours(4), TimeLimit.workingHours(2)))
            .category("市容环境")
            .build();
    assertThat(PolicyVariant.defaults("a").limitsOf(item, CAL)).isEqualTo(item.timeLimits());
    PolicyVariant overridden =
        PolicyVariant.builder("b")
            .timeLimits(
                new TimeLimitTable(Map.of("01001", TimeLimits.of(TimeLimit.workingDays(1)))))
            .timeLimitFactor(2)
            .build();
    assertThat(overridden.limitsOf(item, CAL)).isEqualTo(TimeLimits.of(TimeLimit.workingDays(2)));
  }

  @Test
  void badVariantsAreRefused() {
    assertThatThrownBy(() -> PolicyVariant.builder(" padded").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PolicyVariant.builder("a").timeLimitFactor(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeLimitFactor");
    assertThatThrownBy(() -> PolicyVariant.builder("a").rankings(List.of()).build())
        .isInstanceOf(IllegalArgumentException.class);
    Ranking r = new Ranking(UnitKind.DEPARTMENT, ScoringSchemes.builtIn("tongcheng-2022"));
    assertThatThrownBy(() -> PolicyVariant.builder("a").rankings(List.of(r, r)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> new Ranking(UnitKind.GRID, ScoringSchemes.builtIn("tongcheng-2022")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not grid");
  }
}
