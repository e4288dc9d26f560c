package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;

/**
 * {@link Interner} and {@link KeyTable}, the fast reader's and the directory's tables, agree with a
 * {@link HashMap} on any sequence of texts — equal hashes ("Aa", "BB"), non-Latin text, growth.
 */
class InternerPropertyTest {
  private static final String[] PARTS = {"Aa", "BB", "党", "x", "", "0", "\uD83D\uDE00", "C1"};

  @Property(tries = 200)
  void oneStringPerDistinctTextAndTheCacheKept(@ForAll("texts") List<String> texts) {
    Interner interner = new Interner(1);
    KeyTable table = new KeyTable(1);
    Map<String, String> first = new HashMap<>();
    Map<String, Integer> order = new HashMap<>();
    for (String t : texts) {
      char[] padded = ("##" + t + "#").toCharArray();
      int slot = interner.slot(padded, 2, t.length());
      String s = interner.string(slot);
      assertThat(s).isEqualTo(t);
      String before = first.putIfAbsent(t, s);
      if (before != null) {
        assertThat(s).isSameAs(before);
        assertThat(interner.cache(slot)).isEqualTo("cached " + t);
      } else {
        assertThat(interner.cache(slot)).isNull();
        interner.cache(slot, "cached " + t);
      }
      int was = table.putIfAbsent(t, order.size());
      Integer expected = order.get(t);
      assertThat(was).isEqualTo(expected == null ? -1 : expected);
      order.putIfAbsent(t, order.size());
    }
    assertThat(table.size()).isEqualTo(order.size());
    order.forEach((t, i) -> assertThat(table.get(t)).isEqualTo(i));
    assertThat(table.get("not there " + texts.size())).isEqualTo(-1);
  }

  static Gen<List<String>> texts() {
    return src -> {
      List<String> out = new ArrayList<>();
      for (int i = src.ints(0, 400); i > 0; i--) {
        StringBuilder b = new StringBuilder();
        for (int k = src.ints(0, 4); k > 0; k--) {
          b.append(PARTS[src.ints(0, PARTS.length - 1)]);
        }
        if (src.ints(0, 3) == 0) {
          b.append(src.ints(0, 500));
        }
        out.add(b.toString());
      }
      return out;
    };
  }
}
