package org.gridgov.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

/**
 * Java serialization to bytes and back, for what grid-spark ships as a {@code byte[]} broadcast
 * (the locator, the simulation's shipment): bytes travel unchanged whatever {@code
 * spark.serializer} the cluster configures (Kryo would bypass the objects' serial proxies), and
 * they are read back through the thread's context class loader, Spark's user class loader on an
 * executor (the jar given to {@code spark-submit}).
 */
final class SerialBytes {
  private SerialBytes() {}

  /**
   * The Java serial form of an object.
   *
   * @param value the object, serializable
   * @param what what it is, for the error
   * @return its bytes
   */
  static byte[] write(Object value, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise " + what, e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads back what {@link #write} wrote.
   *
   * @param bytes the serial form
   * @param type the expected type
   * @param what what it is, for the error
   * @return the object
   */
  static <T> T read(byte[] bytes, Class<T> type, String what) {
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
      return type.cast(in.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what, e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot read " + what + ": " + e.getMessage(), e);
    }
  }

  /** Resolves classes through the thread's context class loader (Spark's user class loader). */
  private static final class ContextObjectInputStream extends ObjectInputStream {
    ContextObjectInputStream(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        return super.resolveClass(desc);
      }
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
