package org.gridgov.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gridgov.core.Finding;
import org.gridgov.core.Findings;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Severity;
import org.gridgov.core.SourceLocation;

/**
 * The one JSON configuration of GridGov and the front door for reading JSON documents into located
 * trees ({@link JsonNodeAt}) and writing them.
 *
 * <p><b>Limits</b> (hardened {@link StreamReadConstraints}; a document over a limit is refused with
 * a located {@link InvalidInputException}, code {@link InputCode#LIMIT}):
 *
 * <ul>
 *   <li>document: {@value #MAX_DOCUMENT_BYTES} bytes (256 MiB);
 *   <li>nesting depth: {@value #MAX_NESTING_DEPTH} arrays and objects;
 *   <li>string value: {@value #MAX_STRING_CHARS} characters (4 Mi);
 *   <li>member name: {@value #MAX_NAME_CHARS} characters;
 *   <li>number: {@value #MAX_NUMBER_CHARS} characters.
 * </ul>
 *
 * <p>Duplicate member names are errors ({@code STRICT_DUPLICATE_DETECTION}), as is anything after
 * the root value; floating-point numbers are kept exact ({@code BigDecimal}) so that {@link
 * JsonNodeAt#asDecimal()} loses nothing. A UTF-8 byte order mark is accepted; bytes that are not
 * UTF-8 are an error that says so (and suggests saving as UTF-8 when they decode as GBK).
 *
 * <p><b>Locations.</b> Jackson's tree keeps no locations; every problem carries its pointer, and
 * for documents read here the line and column are looked up afterwards by scanning the document
 * once for the pointers that have problems (a missing member is placed at its object). Syntax
 * errors carry Jackson's line and column.
 *
 * <p><b>Writing.</b> {@link #pretty} (two-space indent, Jackson's default printer) for documents,
 * {@link #compact} for JSON Lines records; {@link AtomicFiles} for files.
 *
 * <p>Stateless and thread-safe: the shared mapper is never handed out; {@link #newMapper()} returns
 * a fresh copy for callers that need their own.
 */
public final class Json {
  /** The largest document read, in bytes. */
  public static final int MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

  /**
   * The largest streamed document read, in bytes (16 GiB): GeoJSON grid maps are read token by
   * token and never held as a tree, so a national map may be larger than {@link
   * #MAX_DOCUMENT_BYTES}; every other limit is the same as for documents read as a tree.
   */
  public static final long MAX_STREAMED_DOCUMENT_BYTES = 16L << 30;

  /** The deepest nesting of arrays and objects. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** The longest string value, in characters. */
  public static final int MAX_STRING_CHARS = 4 * 1024 * 1024;

  /** The longest member name, in characters. */
  public static final int MAX_NAME_CHARS = 1024;

  /** The longest number, in characters. */
  public static final int MAX_NUMBER_CHARS = 100;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxDocumentLength(MAX_DOCUMENT_BYTES)
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_CHARS)
                  .maxNameLength(MAX_NAME_CHARS)
                  .maxNumberLength(MAX_NUMBER_CHARS)
                  .build())
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final ObjectMapper MAPPER = newMapper();
  private static final ObjectReader READER = MAPPER.reader();
  private static final ObjectWriter PRETTY =
      MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectWriter COMPACT =
      MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /**
   * A new mapper with GridGov's configuration (limits, duplicate detection, no trailing tokens,
   * exact decimals, indented output); the caller may configure it further.
   *
   * @return a fresh mapper
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder(FACTORY.copy())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();
  }

  /**
   * A new streaming factory with GridGov's limits and duplicate detection, for readers that walk
   * the tokens of documents too large for a tree (GeoJSON grid maps). The caller may enable more
   * read features with {@link JsonFactory#rebuild()}, which keeps the limits: there is one set of
   * limits for trees and streams.
   *
   * @return a fresh factory
   */
  public static JsonFactory newFactory() {
    return FACTORY.copy();
  }

  /**
   * A new streaming factory like {@link #newFactory()} whose document limit is {@link
   * #MAX_STREAMED_DOCUMENT_BYTES}, for readers that stream a document token by token and never hold
   * it whole (GeoJSON grid maps); nesting, string, name and number limits are unchanged.
   *
   * @return a fresh factory
   */
  public static JsonFactory newStreamingFactory() {
    return FACTORY
        .rebuild()
        .streamReadConstraints(
            FACTORY
                .streamReadConstraints()
                .rebuild()
                .maxDocumentLength(MAX_STREAMED_DOCUMENT_BYTES)
                .build())
        .build();
  }

  /**
   * Turns the parse error of a streaming reader into a located exception, as the readers here
   * report theirs: the line and column (of the error, or of the parser when the error has none, as
   * for a limit), the pointer where the parser was, code {@link InputCode#SYNTAX}, {@link
   * InputCode#LIMIT} or {@link InputCode#ENCODING}, the reason starting {@code malformed JSON:},
   * {@code input over a limit:} or naming the encoding.
   *
   * @param source the name used in messages
   * @param e the parser's exception
   * @param p the parser that threw it
   * @param bytes the document when it is in memory (to recognise GBK), or {@code null}
   * @return the exception to throw
   */
  public static InvalidInputException syntaxError(
      String source, JsonProcessingException e, JsonParser p, byte[] bytes) {
    JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
    String pointer = p.getParsingContext().pathAsPointer().toString();
    return syntax(source, 0, e, at, bytes, pointer);
  }

  // ------------------------------------------------------------------ reading documents

  /**
   * Reads a document and applies a reader to its root.
   *
   * @param file the document
   * @param mode stop at the first error or collect them all
   * @param reader reads the root; it may return {@code null} only when it recorded an error
   * @param <T> the value read
   * @return the value
   * @throws InvalidInputException for malformed JSON, a limit, or the errors the reader found
   */
  public static <T> T read(Path file, Problems.Mode mode, Function<JsonNodeAt, T> reader) {
    return parse(file).read(mode, reader);
  }

  /**
   * Reads a document from a stream and applies a reader to its root.
   *
   * @param in the stream, read to its end, not closed
   * @param source the name used in messages
   * @param mode the mode
   * @param reader reads the root
   * @param <T> the value read
   * @return the value
   */
  public static <T> T read(
      InputStream in, String source, Problems.Mode mode, Function<JsonNodeAt, T> reader) {
    return parse(in, source).read(mode, reader);
  }

  /**
   * Reads a document from text and applies a reader to its root.
   *
   * @param text the JSON text
   * @param source the name used in messages (may be empty)
   * @param mode the mode
   * @param reader reads the root
   * @param <T> the value read
   * @return the value
   */
  public static <T> T readText(
      String text, String source, Problems.Mode mode, Function<JsonNodeAt, T> reader) {
    return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), source).read(mode, reader);
  }

  /**
   * Parses a document, checking syntax and limits only.
   *
   * @param file the document
   * @return the parsed document
   * @throws InvalidInputException for an unreadable file, malformed JSON or a limit
   */
  public static JsonDocument parse(Path file) {
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_DOCUMENT_BYTES) {
        throw tooLarge(source, size);
      }
      return parse(Files.readAllBytes(file), source);
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  /**
   * Parses a document from a stream.
   *
   * @param in the stream, read to its end, not closed
   * @param source the name used in messages
   * @return the parsed document
   */
  public static JsonDocument parse(InputStream in, String source) {
    try {
      byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
      if (bytes.length > MAX_DOCUMENT_BYTES) {
        throw tooLarge(source, bytes.length);
      }
      return parse(bytes, source);
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  /**
   * Parses a document held in memory.
   *
   * @param bytes the document, UTF-8
   * @param source the name used in messages
   * @return the parsed document
   */
  public static JsonDocument parse(byte[] bytes, String source) {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      JsonNode root = tree(p, source, 0, bytes);
      if (root == null) {
        throw new InvalidInputException(source, 0, 0, "", "the document is empty", null);
      }
      return new JsonDocument(source, bytes, root);
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  /**
   * Parses one line of JSON text (a JSON Lines record).
   *
   * @param text the line
   * @param source the name used in messages
   * @param line the 1-based line number, for messages (0 when the text is a whole document)
   * @return the root node
   * @throws InvalidInputException for malformed JSON or a limit, located at the line and column
   */
  public static JsonNode parseLine(String text, String source, int line) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonNode node = tree(p, source, line, null);
      if (node == null) {
        throw new InvalidInputException(source, line, 0, "", "the line is empty", null);
      }
      return node;
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  /** Reads one root value and refuses anything after it; errors are located. */
  private static JsonNode tree(JsonParser p, String source, int line, byte[] bytes)
      throws IOException {
    try {
      JsonNode root = READER.readTree(p);
      if (root != null && p.nextToken() != null) {
        throw new InvalidInputException(
            source,
            line > 0 ? line : Math.max(0, p.currentTokenLocation().getLineNr()),
            Math.max(0, p.currentTokenLocation().getColumnNr()),
            "",
            "malformed JSON: unexpected content after the root value",
            null);
      }
      return root;
    } catch (JsonProcessingException e) {
      // The pointer where the parser stopped: a limit error (a number or string too long, too deep)
      // names the member it broke in, as the streaming readers do.
      throw syntax(
          source,
          line,
          e,
          e.getLocation() != null ? e.getLocation() : p.currentLocation(),
          bytes,
          e instanceof StreamConstraintsException
              ? p.getParsingContext().pathAsPointer().toString()
              : "");
    } catch (NumberFormatException e) {
      // a number within the length limit whose exponent no BigDecimal holds (1e99999999999)
      JsonLocation at = p.currentTokenLocation();
      throw new InvalidInputException(
          source,
          line > 0 ? line : Math.max(0, at.getLineNr()),
          Math.max(0, at.getColumnNr()),
          p.getParsingContext().pathAsPointer().toString(),
          "number out of range: " + numberText(p),
          null);
    }
  }

  /** The text of the number token at the parser, for a message (at most the number limit). */
  private static String numberText(JsonParser p) {
    try {
      return p.getText();
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  // ------------------------------------------------------------------ writing

  /**
   * A document as indented text, the style of every GridGov document file.
   *
   * @param node the document
   * @return the text, without a final line break
   */
  public static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree: " + e.getMessage(), e);
    }
  }

  /**
   * A value as one line of text, the style of JSON Lines records.
   *
   * @param node the value
   * @return the text, without a line break
   */
  public static String compact(JsonNode node) {
    try {
      return COMPACT.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a document indented to a stream.
   *
   * @param node the document
   * @param out the stream, flushed, not closed
   * @throws UncheckedIOException when writing fails
   */
  public static void writePretty(JsonNode node, OutputStream out) {
    try {
      PRETTY.writeValue(new NonClosing(out), node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ errors

  private static InvalidInputException tooLarge(String source, long size) {
    return InvalidInputException.of(
        Findings.of(
            Finding.at(
                Severity.ERROR,
                InputCode.LIMIT,
                SourceLocation.at(source, ""),
                "the document has " + size + " bytes; the limit is " + MAX_DOCUMENT_BYTES)));
  }

  static InvalidInputException unreadable(String source, IOException e) {
    return new InvalidInputException(
        source, 0, 0, "", "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
  }

  /**
   * Turns a Jackson parse error into a located exception: line and column (the given line for a
   * JSON Lines record), Jackson's message without its location suffix, a word on limits and on
   * encodings.
   */
  static InvalidInputException syntax(
      String source, int line, JsonProcessingException e, JsonLocation loc, byte[] bytes) {
    return syntax(source, line, e, loc, bytes, "");
  }

  private static InvalidInputException syntax(
      String source,
      int line,
      JsonProcessingException e,
      JsonLocation loc,
      byte[] bytes,
      String pointer) {
    int l = line > 0 ? line : loc == null ? 0 : Math.max(0, loc.getLineNr());
    int c = loc == null ? 0 : Math.max(0, loc.getColumnNr());
    String m = e.getOriginalMessage();
    if (m == null) {
      m = "";
    }
    int nl = m.indexOf('\n');
    m = nl >= 0 ? m.substring(0, nl) : m;
    String reason;
    InputCode code;
    if (e instanceof StreamConstraintsException) {
      code = InputCode.LIMIT;
      reason = "input over a limit: " + limitReason(m);
    } else if (m.contains("Invalid UTF-8") && bytes != null && looksGbk(bytes)) {
      code = InputCode.ENCODING;
      reason = "the file looks GBK-encoded; save it as UTF-8 (" + m + ")";
    } else if (m.contains("Invalid UTF-8")) {
      code = InputCode.ENCODING;
      reason = "the input is not valid UTF-8: " + m;
    } else {
      code = InputCode.SYNTAX;
      reason = "malformed JSON: " + m;
    }
    return InvalidInputException.of(
        Findings.of(
            Finding.at(Severity.ERROR, code, new SourceLocation(source, l, c, pointer), reason)),
        e);
  }

  /**
   * Whether bytes that are not UTF-8 decode as GBK without errors (and so were probably saved as
   * GBK, as Chinese Excel and Notepad do): the readers of other formats (DMN XML) use it to say
   * "the file looks GBK-encoded; save it as UTF-8" as the JSON and line readers do.
   *
   * @param bytes the document
   * @return whether they decode as GBK
   */
  public static boolean looksGbk(byte[] bytes) {
    if (!Charset.isSupported("GBK")) {
      return false;
    }
    try {
      Charset.forName("GBK")
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Finds the line and column of pointers in a document by scanning its tokens once; a pointer that
   * names no value (a missing member) gets the place of its closest existing ancestor.
   */
  static Map<String, int[]> locate(byte[] bytes, Set<String> pointers) {
    Set<String> wanted = new HashSet<>();
    for (String p : pointers) {
      String q = p;
      while (true) {
        wanted.add(q);
        int cut = q.lastIndexOf('/');
        if (cut < 0) {
          break;
        }
        q = q.substring(0, cut);
      }
    }
    Map<String, int[]> found = new HashMap<>();
    Deque<Frame> stack = new ArrayDeque<>();
    try (JsonParser p = FACTORY.createParser(bytes)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          stack.peek().name = p.currentName();
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          stack.pop();
          continue;
        }
        String ptr;
        Frame top = stack.peek();
        if (top == null) {
          ptr = "";
        } else if (top.array) {
          top.index++;
          ptr = Pointers.child(top.pointer, top.index);
        } else {
          ptr = Pointers.child(top.pointer, top.name);
        }
        if (wanted.contains(ptr)) {
          JsonLocation l = p.currentTokenLocation();
          found.put(ptr, new int[] {Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr())});
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          stack.push(new Frame(t == JsonToken.START_ARRAY, ptr));
        }
      }
    } catch (IOException e) {
      // the document parsed once already; keep what was found
    }
    Map<String, int[]> out = new HashMap<>();
    for (String p : pointers) {
      String q = p;
      while (!found.containsKey(q) && q.lastIndexOf('/') >= 0) {
        q = q.substring(0, q.lastIndexOf('/'));
      }
      if (found.containsKey(q)) {
        out.put(p, found.get(q));
      }
    }
    return out;
  }

  private static final class Frame {
    final boolean array;
    final String pointer;
    int index = -1;
    String name = "";

    Frame(boolean array, String pointer) {
      this.array = array;
      this.pointer = pointer;
    }
  }

  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private static final java.util.regex.Pattern VALUE_LIMIT =
      java.util.regex.Pattern.compile(
          "^(String|Number) value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*");

  /**
   * Says which limit a value broke in words that hold for numbers too: Jackson reports a number too
   * long for its text buffer as a "String value length", so the string case names both.
   */
  static String limitReason(String message) {
    java.util.regex.Matcher m = VALUE_LIMIT.matcher(message);
    if (!m.matches()) {
      return message;
    }
    return m.group(1).equals("Number")
        ? "a number of " + m.group(2) + " characters; the limit is " + m.group(3)
        : "a string or number of at least "
            + m.group(2)
            + " characters; the limit is "
            + m.group(3);
  }
}
