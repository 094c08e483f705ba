package org.tunescope.ml.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** File helpers for data sets: checksums that studies record, and reading bytes as text with plain-words errors. */
public final class DataFiles {

  /** Excel and other Windows tools save "ANSI" text in this code page; it decodes any byte. */
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int SNIFF_BYTES = 64 * 1024;
  /** The largest file a Java array holds (the JDK's own limit for readAllBytes); larger ones are refused by size. */
  private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private DataFiles() {
  }

  /** The SHA-256 of the file's bytes as 64 lower-case hex digits. */
  public static String sha256(Path file) {
    return sha256(readAllBytes(file));
  }

  /** The SHA-256 of the bytes as 64 lower-case hex digits. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide SHA-256
      throw new IllegalStateException(e);
    }
  }

  /** The file's bytes, or a {@link DataException} saying in plain words why they cannot be read. */
  public static byte[] readAllBytes(Path file) {
    if (Files.isDirectory(file)) {
      throw new DataException("cannot read " + file + ": it is a folder, not a file");
    }
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new DataException("cannot read " + file + ": it is " + (size >> 20) + " MB, more than the "
            + (MAX_BYTES >> 20) + " MB a data file can have");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DataException("cannot read " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new DataException("cannot read " + file + ": permission denied", e);
    } catch (IOException | OutOfMemoryError e) {
      throw new DataException("cannot read " + file + ": the file could not be opened or is too large", e);
    }
  }

  /**
   * Refuses a binary file from its first bytes, before the whole of it is read: a 2 GB disk image or database
   * named .csv is turned away at once instead of being loaded into memory first.
   */
  static void checkLooksLikeText(Path file) {
    byte[] head;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      // readAllBytes says what is wrong with the file in its own words
      return;
    }
    int start = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
        && (head[2] & 0xff) == 0xbf ? 3 : 0;
    boolean utf16 = head.length >= 2 && ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe
        || (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff);
    if (!utf16 && looksBinary(head, start)) {
      throw new DataException(displayName(file) + " is not a text file: it contains binary data");
    }
  }

  /** The name to show for a file in messages: its last path element. */
  static String displayName(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  /**
   * Decodes a text file: UTF-8 (a byte order mark is dropped), UTF-16 when it starts with a UTF-16 byte
   * order mark (Excel's "Unicode text"), and windows-1252 when the bytes are not valid UTF-8.
   *
   * @throws DataException when the bytes look binary (NUL or many control bytes), e.g. a spreadsheet or image
   */
  static String decodeText(String name, byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    if (looksBinary(bytes, start)) {
      throw new DataException(name + " is not a text file: it contains binary data");
    }
    String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      // the fast decoder replaced nothing, so the bytes were valid UTF-8
      return text;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, start, bytes.length - start, WINDOWS_1252);
    }
  }

  private static boolean looksBinary(byte[] bytes, int start) {
    int end = Math.min(bytes.length, start + SNIFF_BYTES);
    int control = 0;
    for (int i = start; i < end; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        control++;
      }
    }
    // a stray control character happens in real text; one byte in a hundred does not
    return control > 0 && control * 100 > end - start;
  }
}
