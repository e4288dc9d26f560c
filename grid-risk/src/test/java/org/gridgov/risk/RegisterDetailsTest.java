package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.risk.ElementType;
import org.junit.jupiter.api.Test;

class RegisterDetailsTest {
  private static Element element(ElementType type, Map<String, String> attributes) {
    return new Element("E1", type, GridId.of("G1"), Optional.empty(), "x", attributes, Set.of());
  }

  @Test
  void aPersonsHouseholdAddressAndFlags() {
    Element p =
        element(
            ElementType.PEOPLE,
            Map.of(
                "household", "H-0042", "address", "3-2-501", "flags", "elderly_alone, disabled"));
    assertThat(p.details())
        .isEqualTo(
            new PersonDetails(
                Optional.of("H-0042"),
                Optional.of("3-2-501"),
                Set.of(PersonFlag.ELDERLY_ALONE, PersonFlag.DISABLED)));
    assertThat(((PersonDetails) p.details()).has(PersonFlag.KEY_PERSON)).isFalse();
  }

  @Test
  void eachTypeHasItsRecord() {
    assertThat(element(ElementType.PLACES, Map.of("kind", "construction_site")).details())
        .isEqualTo(new PlaceDetails(PlaceKind.CONSTRUCTION_SITE));
    assertThat(element(ElementType.PLACES, Map.of()).details())
        .isEqualTo(new PlaceDetails(PlaceKind.OTHER));
    assertThat(element(ElementType.OBJECTS, Map.of("componentCode", "4101050102000123")).details())
        .isEqualTo(new ObjectDetails(Optional.of("4101050102000123"), ObjectKind.COMPONENT));
    assertThat(element(ElementType.OBJECTS, Map.of("kind", "camera")).details())
        .isEqualTo(new ObjectDetails(Optional.empty(), ObjectKind.CAMERA));
    assertThat(element(ElementType.EVENTS, Map.of("case", "C-2026-17")).details())
        .isEqualTo(new EventDetails(Optional.of(CaseId.of("C-2026-17"))));
    assertThat(element(ElementType.SENTIMENTS, Map.of("kind", "dispute")).details())
        .isEqualTo(new SentimentDetails(SentimentKind.DISPUTE));
    assertThat(
            element(ElementType.ORGANISATIONS, Map.of("organisation", "party-branch-3")).details())
        .isEqualTo(new OrganisationDetails(Optional.of("party-branch-3")));
  }

  @Test
  void otherKeysStayFreeForm() {
    Element place =
        element(ElementType.PLACES, Map.of("kind", "shop", "licence", "L-9", "owner", "z"));
    assertThat(place.details()).isEqualTo(new PlaceDetails(PlaceKind.SHOP));
    assertThat(place.attribute("licence")).contains("L-9");
  }

  @Test
  void aNearMissOfAKnownKeyIsAnErrorWithDidYouMean() {
    assertThatThrownBy(() -> element(ElementType.PEOPLE, Map.of("flgas", "disabled")).details())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("did you mean 'flags'?");
    assertThatThrownBy(() -> element(ElementType.OBJECTS, Map.of("componentcode", "1")).details())
        .hasMessageContaining("did you mean 'componentCode'?");
  }

  @Test
  void badValuesAreErrors() {
    assertThatThrownBy(() -> element(ElementType.PEOPLE, Map.of("flags", "elderly_alon")).details())
        .hasMessageContaining("unknown flag 'elderly_alon'; did you mean 'elderly_alone'?");
    assertThatThrownBy(() -> element(ElementType.PEOPLE, Map.of("flags", "disabled,,")).details())
        .hasMessageContaining("empty flag");
    assertThatThrownBy(() -> element(ElementType.PLACES, Map.of("kind", "shopp")).details())
        .hasMessageContaining("unknown kind 'shopp'; did you mean 'shop'?");
    assertThatThrownBy(() -> element(ElementType.SENTIMENTS, Map.of("kind", "rumour")).details())
        .hasMessageContaining("expected one of [complaint, dispute, opinion, other, suggestion]");
    assertThatThrownBy(() -> element(ElementType.EVENTS, Map.of("case", "C 1")).details())
        .hasMessageContaining("space");
  }

  @Test
  void componentCodesHaveSixteenDigitsWithRealCategories() {
    assertThat(ObjectDetails.isComponentCode("4101050102000123")).isTrue();
    assertThat(ObjectDetails.isComponentCode("410105010200012")).as("15 digits").isFalse();
    assertThat(ObjectDetails.isComponentCode("41010501020001234")).as("17 digits").isFalse();
    assertThat(ObjectDetails.isComponentCode("410105010200012A")).isFalse();
    assertThat(ObjectDetails.isComponentCode("4101050002000123")).as("major 00").isFalse();
    assertThat(ObjectDetails.isComponentCode("4101050100000123")).as("minor 00").isFalse();
    assertThat(ObjectDetails.isComponentCode("４101050102000123")).as("full-width").isFalse();
    assertThatThrownBy(
            () -> element(ElementType.OBJECTS, Map.of("componentCode", "41-01")).details())
        .hasMessageContaining("expected 16 digits");
    assertThatThrownBy(() -> new ObjectDetails(Optional.of("x"), ObjectKind.COMPONENT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyFieldOfAPersonIsPersonalWhateverTheListSays() {
    Element p =
        new Element(
            "P1",
            ElementType.PEOPLE,
            GridId.of("G1"),
            Optional.of(GeoPoint.of(113.6, 34.7)),
            "张某",
            Map.of("household", "H1", "phone", "138"),
            Set.of());
    assertThat(p.personalFields()).containsExactly("household", "name", "phone", "position");
    Element shop =
        new Element(
            "S1",
            ElementType.PLACES,
            GridId.of("G1"),
            Optional.of(GeoPoint.of(113.6, 34.7)),
            "Noodle shop",
            Map.of("kind", "shop", "owner", "李某"),
            Set.of("owner"));
    assertThat(shop.personalFields()).containsExactly("owner");
  }
}
