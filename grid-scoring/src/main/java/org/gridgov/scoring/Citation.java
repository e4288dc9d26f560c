package org.gridgov.scoring;

import java.util.Objects;
import java.util.Optional;

/**
 * The document a scheme's weights come from (出处).
 *
 * @param title the title of the document or article
 * @param source publisher, outlet or issuing body
 * @param url where it can be read, if public
 * @param published publication date as written in the source, e.g. {@code 2022-06-29}
 * @param note how the scheme uses it, and what is interpretation rather than quotation
 */
public record Citation(
    String title,
    String source,
    Optional<String> url,
    Optional<String> published,
    Optional<String> note) {

  /** Checks that title and source are present. */
  public Citation {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(note, "note");
    if (title.isBlank() || source.isBlank()) {
      throw new IllegalArgumentException("a citation needs a title and a source");
    }
  }

  /** {@code title, source (published)}. */
  @Override
  public String toString() {
    return title + ", " + source + published.map(p -> " (" + p + ")").orElse("");
  }
}
