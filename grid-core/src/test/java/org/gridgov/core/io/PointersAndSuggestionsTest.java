package org.gridgov.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class PointersAndSuggestionsTest {
  Gen<List<String>> tokenLists() {
    return Gens.lists(Gens.strings("ab~/01 \u00e9", 0, 6), 0, 5);
  }

  @Property(tries = 300)
  void escapingRoundTrips(@ForAll("tokenLists") List<String> tokens) {
    String pointer = Pointers.of(tokens);
    assertThat(Pointers.tokens(pointer)).isEqualTo(tokens);
    for (String t : tokens) {
      assertThat(Pointers.unescape(Pointers.escape(t))).isEqualTo(t);
      assertThat(Pointers.escape(t)).doesNotContain("/");
    }
  }

  @Test
  void escapesTildeAndSlashAsRfc6901Says() {
    assertThat(Pointers.child("/a", "m~n/o")).isEqualTo("/a/m~0n~1o");
    assertThat(Pointers.child("", 3)).isEqualTo("/3");
    assertThat(Pointers.tokens("/a~1b/~01")).containsExactly("a/b", "~1");
    assertThatThrownBy(() -> Pointers.unescape("a~2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pointers.tokens("a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void suggestsCloseNamesOnly() {
    Set<String> known = Set.of("department", "worker", "street", "follow_up");
    assertThat(Suggestions.didYouMean("departmnet", known)).contains("department");
    assertThat(Suggestions.didYouMean("wokrer", known)).contains("worker");
    assertThat(Suggestions.didYouMean("Street", known)).contains("street");
    assertThat(Suggestions.didYouMean("colour", known)).isEmpty();
    assertThat(Suggestions.didYouMean("street", known)).isEmpty();
    assertThat(Suggestions.hint("xyz", Set.of("b", "a"))).isEqualTo("; expected one of [a, b]");
    assertThat(Suggestions.hint("parnet", Set.of("parent", "owner")))
        .isEqualTo("; did you mean 'parent'?");
  }

  @Test
  void distanceCountsASwapAsOneEdit() {
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }

  @Property(tries = 200)
  void distanceIsAMetricOnSmallStrings(@ForAll("pairs") List<String> p) {
    String a = p.get(0);
    String b = p.get(1);
    assertThat(Suggestions.distance(a, b)).isEqualTo(Suggestions.distance(b, a));
    assertThat(Suggestions.distance(a, a)).isZero();
    assertThat(Suggestions.distance(a, b)).isLessThanOrEqualTo(Math.max(a.length(), b.length()));
  }

  Gen<List<String>> pairs() {
    return Gens.lists(Gens.strings("abc", 0, 6), 2, 2);
  }

  @Test
  void quotesAreBounded() {
    assertThat(Problems.quote("fax")).isEqualTo("'fax'");
    String longText = "x".repeat(1000);
    assertThat(Problems.quote(longText))
        .hasSize(Problems.MAX_QUOTE_CHARS + "''… (1000 characters)".length())
        .endsWith("…' (1000 characters)");
  }
}
