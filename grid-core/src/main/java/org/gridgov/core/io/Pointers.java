package org.gridgov.core.io;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6901 JSON pointers as strings ({@code ""} is the whole document, {@code /grids/0/id} a member
 * of an element): the one place that escapes {@code ~} as {@code ~0} and {@code /} as {@code ~1}.
 * Stateless.
 */
public final class Pointers {
  private Pointers() {}

  /**
   * Escapes one reference token.
   *
   * @param token a member name
   * @return the token with {@code ~} written {@code ~0} and {@code /} written {@code ~1}
   */
  public static String escape(String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return token;
    }
    return token.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Undoes {@link #escape}.
   *
   * @param token an escaped reference token
   * @return the member name
   * @throws IllegalArgumentException when a {@code ~} is not followed by {@code 0} or {@code 1}
   */
  public static String unescape(String token) {
    if (token.indexOf('~') < 0) {
      return token;
    }
    StringBuilder sb = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~') {
        char n = i + 1 < token.length() ? token.charAt(i + 1) : ' ';
        if (n != '0' && n != '1') {
          throw new IllegalArgumentException(
              "'~' must be followed by 0 or 1 in a JSON pointer token: '" + token + "'");
        }
        sb.append(n == '0' ? '~' : '/');
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * The pointer of a member.
   *
   * @param pointer the pointer of the object
   * @param name the member name
   * @return {@code pointer + "/" + escape(name)}
   */
  public static String child(String pointer, String name) {
    return pointer + "/" + escape(name);
  }

  /**
   * The pointer of an array element.
   *
   * @param pointer the pointer of the array
   * @param index the index
   * @return {@code pointer + "/" + index}
   */
  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  /**
   * The member names and indexes of a pointer, unescaped.
   *
   * @param pointer a pointer, {@code ""} or starting with {@code /}
   * @return the tokens, empty for the whole document
   * @throws IllegalArgumentException for a pointer that does not start with {@code /} or a bad
   *     escape
   */
  public static List<String> tokens(String pointer) {
    if (pointer.isEmpty()) {
      return List.of();
    }
    if (pointer.charAt(0) != '/') {
      throw new IllegalArgumentException("a JSON pointer starts with '/': '" + pointer + "'");
    }
    List<String> out = new ArrayList<>();
    int from = 1;
    while (true) {
      int to = pointer.indexOf('/', from);
      out.add(unescape(pointer.substring(from, to < 0 ? pointer.length() : to)));
      if (to < 0) {
        return List.copyOf(out);
      }
      from = to + 1;
    }
  }

  /**
   * Builds a pointer from tokens, escaping each.
   *
   * @param tokens member names and indexes
   * @return the pointer
   */
  public static String of(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      sb.append('/').append(escape(t));
    }
    return sb.toString();
  }
}
