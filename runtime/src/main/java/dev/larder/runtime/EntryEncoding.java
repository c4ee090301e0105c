package dev.larder.runtime;

import dev.larder.runtime.TagGenerations.Stamps;
import dev.larder.runtime.TagState.Generation;
import dev.larder.runtime.internal.ValueCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * The bytes of an entry in Redis: a format byte, then (LZ4-compressed when the body is larger
 * than the threshold) the freshness deadlines, the tag stamps and the value written by the
 * method's generated codec.
 */
final class EntryEncoding {
  private static final byte PLAIN = 1;
  private static final byte LZ4 = 2;

  private final int compressionThreshold;
  private final LZ4Compressor compressor;
  private final LZ4FastDecompressor decompressor;

  EntryEncoding(int compressionThreshold) {
    this.compressionThreshold = compressionThreshold;
    LZ4Factory factory = LZ4Factory.fastestInstance();
    this.compressor = factory.fastCompressor();
    this.decompressor = factory.fastDecompressor();
  }

  <T> byte[] encode(CacheEntry entry, ValueCodec<T> codec) {
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream(256);
      DataOutputStream out = new DataOutputStream(body);
      out.writeLong(entry.freshUntil());
      out.writeLong(entry.staleUntil());
      out.writeInt(entry.tags().size());
      for (int i = 0; i < entry.tags().size(); i++) {
        out.writeUTF(entry.tags().get(i));
        out.writeUTF(entry.stamps().generations()[i].token());
      }
      @SuppressWarnings("unchecked")
      T value = (T) entry.value();
      codec.write(out, value);
      out.flush();
      byte[] plain = body.toByteArray();
      if (plain.length <= compressionThreshold) {
        byte[] framed = new byte[plain.length + 1];
        framed[0] = PLAIN;
        System.arraycopy(plain, 0, framed, 1, plain.length);
        return framed;
      }
      byte[] compressed = new byte[compressor.maxCompressedLength(plain.length) + 5];
      compressed[0] = LZ4;
      writeInt(compressed, 1, plain.length);
      int size = compressor.compress(plain, 0, plain.length, compressed, 5);
      return java.util.Arrays.copyOf(compressed, size + 5);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes an entry, or returns null when the bytes are not an entry this version can read. */
  <T> CacheEntry decode(byte[] bytes, ValueCodec<T> codec) {
    if (bytes == null || bytes.length < 1) {
      return null;
    }
    try {
      byte[] plain;
      if (bytes[0] == PLAIN) {
        plain = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
      } else if (bytes[0] == LZ4) {
        plain = new byte[readInt(bytes, 1)];
        decompressor.decompress(bytes, 5, plain, 0, plain.length);
      } else {
        return null;
      }
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
      long freshUntil = in.readLong();
      long staleUntil = in.readLong();
      int count = in.readInt();
      List<String> tags = new ArrayList<>(count);
      Generation[] tokens = new Generation[count];
      for (int i = 0; i < count; i++) {
        tags.add(in.readUTF());
        tokens[i] = new Generation(in.readUTF());
      }
      T value = codec.read(in);
      // Stored entries carry tokens only; they are compared by value against the table.
      return new CacheEntry(null, value, List.copyOf(tags), new Stamps(null, tokens), freshUntil,
          staleUntil, null, CacheEntry.FROM_REDIS);
    } catch (IOException | RuntimeException e) {
      return null; // a damaged or foreign entry is a miss, never an error for the caller
    }
  }

  boolean compresses(int bodyLength) {
    return bodyLength > compressionThreshold;
  }

  private static void writeInt(byte[] into, int at, int value) {
    into[at] = (byte) (value >>> 24);
    into[at + 1] = (byte) (value >>> 16);
    into[at + 2] = (byte) (value >>> 8);
    into[at + 3] = (byte) value;
  }

  private static int readInt(byte[] from, int at) {
    return ((from[at] & 0xFF) << 24) | ((from[at + 1] & 0xFF) << 16)
        | ((from[at + 2] & 0xFF) << 8) | (from[at + 3] & 0xFF);
  }
}
