package org.gridgov.credit;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;

/**
 * Who holds which post (person → posts), so that {@link CreditReplay} can check that the person who
 * made a recognition or deduction holds a post the rule names in {@code recognisedBy}. The JSON
 * format {@code gridgov.credit-posts/1} (docs/credit.md):
 *
 * <pre>{@code
 * {"format":"gridgov.credit-posts/1",
 *  "posts":[{"person":"w-1","post":"GRID_WORKER"},{"person":"w-1","post":"VOLUNTEER_LEAD"}]}
 * }</pre>
 *
 * <p>A person may hold several posts (one element each). Immutable and thread-safe.
 */
public final class CreditPosts {
  /** The value of the {@code format} member. */
  public static final String FORMAT = "gridgov.credit-posts/1";

  private final Map<String, Set<String>> posts;

  private CreditPosts(Map<String, Set<String>> posts) {
    Map<String, Set<String>> copy = new TreeMap<>();
    posts.forEach(
        (person, ps) -> {
          Objects.requireNonNull(person, "person");
          copy.put(person, Set.copyOf(new TreeSet<>(ps)));
        });
    this.posts = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * A directory from a map.
   *
   * @param posts the posts of each person
   * @return the directory
   */
  public static CreditPosts of(Map<String, ? extends Set<String>> posts) {
    return new CreditPosts(Map.copyOf(posts));
  }

  /**
   * Whether a person holds a post.
   *
   * @param person the person's id
   * @param post the post
   * @return true when the directory lists the person with the post
   */
  public boolean holds(String person, String post) {
    return posts.getOrDefault(person, Set.of()).contains(post);
  }

  /**
   * The posts of a person.
   *
   * @param person the person's id
   * @return the posts, empty when the person is not listed
   */
  public Set<String> postsOf(String person) {
    return posts.getOrDefault(person, Set.of());
  }

  /**
   * Every person and their posts, persons in id order.
   *
   * @return the map
   */
  public Map<String, Set<String>> asMap() {
    return posts;
  }

  /**
   * Reads a posts file, all or nothing.
   *
   * @param file the JSON file
   * @return the directory
   * @throws InvalidInputException listing every problem, located
   */
  public static CreditPosts read(Path file) {
    Objects.requireNonNull(file, "file");
    return Json.read(file, Problems.Mode.ALL_ERRORS, CreditPosts::read);
  }

  /**
   * Reads posts from a stream of UTF-8 JSON, read to its end and not closed.
   *
   * @param in the stream
   * @param source the name used in errors
   * @return the directory
   * @throws InvalidInputException listing every problem, located
   */
  public static CreditPosts read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    return Json.read(in, source, Problems.Mode.ALL_ERRORS, CreditPosts::read);
  }

  private static CreditPosts read(JsonNodeAt root) {
    root.requireObject();
    root.onlyKeys(List.of("format", "posts"));
    root.requireFormat(FORMAT);
    Map<String, Set<String>> out = new TreeMap<>();
    root.get("posts")
        .elements(
            e -> {
              e.requireObject();
              e.onlyKeys(List.of("person", "post"));
              String person = e.string("person");
              String post = e.string("post");
              if (person.isBlank() || post.isBlank()) {
                throw e.fail("person and post must not be blank");
              }
              out.computeIfAbsent(person, k -> new TreeSet<>()).add(post);
              return person;
            });
    return new CreditPosts(out);
  }
}
