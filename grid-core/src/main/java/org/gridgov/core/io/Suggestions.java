package org.gridgov.core.io;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * "Did you mean …?" for unknown names (JSON members, CSV columns, command-line values, level
 * names): the closest known name by optimal-string-alignment distance (Levenshtein plus swaps of
 * two neighbouring characters), compared case-insensitively. Stateless.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The known name closest to an unknown one, when it is close enough to be a likely typo: at most
   * 1 edit for names up to 4 characters, 2 up to 8, 3 beyond. Ties go to the alphabetically first
   * name, so the answer is deterministic.
   *
   * @param unknown the name given
   * @param known the names allowed
   * @return the suggestion, or empty when nothing is close
   */
  public static Optional<String> didYouMean(String unknown, Collection<String> known) {
    Objects.requireNonNull(unknown, "unknown");
    String u = unknown.toLowerCase(Locale.ROOT);
    int limit = u.length() <= 4 ? 1 : u.length() <= 8 ? 2 : 3;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : new TreeSet<>(known)) {
      int d = distance(u, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= limit && !best.equals(unknown)
        ? Optional.of(best)
        : Optional.empty();
  }

  /**
   * The sentence ending an "unknown name" message: {@code "; did you mean 'department'?"} when a
   * name is close, else {@code "; expected one of [a, b, c]"} (sorted).
   *
   * @param unknown the name given
   * @param known the names allowed
   * @return the text to append to the message
   */
  public static String hint(String unknown, Collection<String> known) {
    return didYouMean(unknown, known)
        .map(s -> "; did you mean '" + s + "'?")
        .orElseGet(() -> "; expected one of " + new TreeSet<>(known));
  }

  /**
   * The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
   * neighbouring characters each cost 1.
   *
   * @param a one string
   * @param b the other
   * @return the distance, 0 when equal
   */
  public static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }
}
