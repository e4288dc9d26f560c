package org.gridgov.cli.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.risk.Element;
import org.gridgov.risk.ElementFacts;
import org.gridgov.risk.ElementRegister;
import org.gridgov.risk.PersonDetails;
import org.gridgov.risk.PersonFlag;

/**
 * The sample's facts for its two illustrative colour tables (docs/risk.md, "Colour tables"), drawn
 * from a seed so that most elements' facts agree with their colour and a handful do not: some
 * worsen (the rules raise their colour), some calm down (the rules would lower it; the sample's
 * colours were set by hand, so those decisions are held). Every fact the tables read is given, so
 * recolouring has no findings. Package-private; {@link SampleRiskGenerator} writes the files.
 */
final class SampleRiskFacts {
  /** The share of elements whose facts call for a worse colour than they have. */
  static final double WORSEN = 0.15;

  /** The share of elements whose facts call for a milder colour. */
  static final double CALM = 0.12;

  private SampleRiskFacts() {}

  /**
   * Facts for every dispute (sentiment) in force on a date, for {@code risk-colour-rules.json}:
   * {@code disputes90d}, {@code violenceRisk}, {@code departments}, observed on that date.
   *
   * @param register the sample's register
   * @param asOf the date (the end of the register's period)
   * @param seed the generator's seed
   * @return the facts, in id order
   */
  static List<ElementFacts> disputes(ElementRegister register, LocalDate asOf, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5E471E47L);
    List<ElementFacts> out = new ArrayList<>();
    for (String id : register.ids()) {
      Optional<Element> e = register.element(id, asOf);
      if (e.isEmpty() || e.get().type() != ElementType.SENTIMENTS) {
        continue;
      }
      int level = level(register, id, asOf); // 0 none, 1 blue, 2 yellow, 3 orange, 4 red
      double u = rnd.nextDouble();
      if (u < WORSEN) {
        level = Math.min(4, level + 1 + rnd.nextInt(2));
      } else if (u < WORSEN + CALM) {
        level = Math.max(0, level - 1 - (level == 4 ? 1 : 0));
      }
      Map<String, Object> f = new LinkedHashMap<>();
      boolean violence = false;
      int departments = level == 0 ? 0 : 1 + rnd.nextInt(2);
      int disputes =
          switch (level) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 2 + rnd.nextInt(3);
            case 3 -> 5 + rnd.nextInt(4);
            default -> 1 + rnd.nextInt(6);
          };
      if (level == 4) {
        if (rnd.nextBoolean()) {
          violence = true;
        } else {
          departments = 3 + rnd.nextInt(2);
        }
      }
      f.put("disputes90d", disputes);
      f.put("violenceRisk", violence);
      f.put("departments", departments);
      out.add(ElementFacts.of(id, f, asOf));
    }
    return out;
  }

  /**
   * Facts for every key person in force on a date, for {@code risk-colour-key-persons.dmn}: {@code
   * underCare}, {@code incidents90d}, {@code missedVisits}, observed on that date.
   *
   * @param register the sample's register
   * @param asOf the date
   * @param seed the generator's seed
   * @return the facts, in id order
   */
  static List<ElementFacts> keyPersons(ElementRegister register, LocalDate asOf, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x6E1905E5L);
    List<ElementFacts> out = new ArrayList<>();
    for (String id : register.ids()) {
      Optional<Element> e = register.element(id, asOf);
      if (e.isEmpty()
          || !(e.get().details() instanceof PersonDetails p)
          || !p.has(PersonFlag.KEY_PERSON)) {
        continue;
      }
      int level = level(register, id, asOf); // 0 none, 1 blue, 2 yellow, 4 red
      double u = rnd.nextDouble();
      if (u < WORSEN) {
        level = level >= 2 ? 4 : 2;
      } else if (u < WORSEN + CALM) {
        level = level >= 4 ? 2 : level == 2 ? 1 : 0;
      }
      boolean underCare = level > 0;
      int incidents;
      int missed = rnd.nextInt(2);
      switch (level) {
        case 4 -> incidents = 2 + rnd.nextInt(2);
        case 2 -> {
          if (rnd.nextBoolean()) {
            incidents = 1;
          } else {
            incidents = 0;
            missed = 2 + rnd.nextInt(2);
          }
        }
        default -> incidents = 0;
      }
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("underCare", underCare);
      f.put("incidents90d", incidents);
      f.put("missedVisits", missed);
      out.add(ElementFacts.of(id, f, asOf));
    }
    return out;
  }

  /** The element's colour on a date as a level: 0 none, 1 blue, 2 yellow, 3 orange, 4 red. */
  private static int level(ElementRegister register, String id, LocalDate asOf) {
    Optional<RiskColour> c = register.colour(id, asOf).flatMap(m -> m.colour());
    if (c.isEmpty()) {
      return 0;
    }
    return switch (c.get()) {
      case BLUE -> 1;
      case YELLOW -> 2;
      case ORANGE -> 3;
      case RED -> 4;
    };
  }
}
