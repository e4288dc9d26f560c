package org.gridgov.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/** Loads the JSON resources shipped in this module. Not part of the API. */
public final class Resources {
  private Resources() {}

  /**
   * Reads a resource of this module with a reader that takes a stream and a source name.
   *
   * @param path the absolute resource path, such as {@code /org/gridgov/rules/sample/lists.json}
   * @param reader reads the stream; the source name is the path without the leading slash
   * @param <T> what is read
   * @return what the reader returns
   * @throws IllegalStateException if the resource is missing (a packaging error)
   */
  public static <T> T read(String path, BiFunction<InputStream, String, T> reader) {
    try (InputStream in = Resources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is missing from grid-rules");
      }
      return reader.apply(in, path.substring(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
