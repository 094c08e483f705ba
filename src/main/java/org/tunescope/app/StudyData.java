package org.tunescope.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tunescope.ml.data.DataException;
import org.tunescope.ml.data.DataFiles;
import org.tunescope.ml.data.DataFormat;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.store.StoredData;
import org.tunescope.store.StudyStore;

/**
 * The copy of a study's data file that the store keeps, so that a worker on a machine without the file can run
 * the study: the file's own bytes gzipped (every reader reads the copy as it read the file), one copy per
 * SHA-256. A file larger than {@link #maxBytes()} is not kept: its workers are given the file with
 * {@code --data}.
 */
public final class StudyData {

  /** The largest data file kept in a store, in bytes of the original file: 200 MB. */
  public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

  /** A system property that changes {@link #DEFAULT_MAX_BYTES} (tests lower it). */
  public static final String MAX_PROPERTY = "tunescope.maxStoredData";

  private StudyData() {
  }

  /**
   * The cap on the original file's size, not on the compressed copy's: it is known before any work, and a user
   * can tell from the file alone whether it will be kept.
   */
  public static long maxBytes() {
    return Long.getLong(MAX_PROPERTY, DEFAULT_MAX_BYTES);
  }

  /**
   * Keeps a copy of a study's data file in the store unless one of its SHA-256 is kept already.
   *
   * @return why no copy was kept (the file is too large, or changed since it was loaded), as one line
   */
  static Optional<String> keep(StudyStore store, Path file, String sha256) {
    if (store.hasData(sha256)) {
      return Optional.empty();
    }
    long size = size(file);
    if (size > maxBytes()) {
      return Optional.of("the data file " + file.getFileName() + " (" + sizeText(size) + ") is larger than the "
          + sizeText(maxBytes()) + " a store keeps: it was not stored, so workers on other machines need --data");
    }
    byte[] bytes = DataFiles.readAllBytes(file);
    if (!DataFiles.sha256(bytes).equals(sha256)) {
      return Optional.of("the data file " + file.getFileName() + " changed while the study was created: it was not"
          + " stored, so workers on other machines need --data");
    }
    DataFormat format = DataFormat.forFile(file).orElse(DataFormat.CSV);
    store.saveData(new StoredData(sha256, file.getFileName().toString(), format.name(), bytes.length, gzip(bytes)));
    return Optional.empty();
  }

  /**
   * The study's data read from the store's copy: written under its own name to a temporary folder (the readers
   * read files), checked against its SHA-256, loaded, and deleted.
   *
   * @throws DataException when the copy is damaged (its SHA-256 is not the study's)
   */
  static LoadedData load(StoredData copy) {
    byte[] bytes = gunzip(copy.compressed());
    String sha256 = DataFiles.sha256(bytes);
    if (!sha256.equals(copy.sha256())) {
      throw new DataException("the store's copy of " + copy.fileName() + " is damaged (its SHA-256 is "
          + sha256.substring(0, 12) + "..., the study's " + copy.sha256().substring(0, 12) + "...): give the file"
          + " with --data");
    }
    try {
      Path dir = Files.createTempDirectory("tunescope-data");
      Path file = dir.resolve(Path.of(copy.fileName()).getFileName().toString());
      try {
        Files.write(file, bytes);
        return DataLoader.load(file, DataFormat.valueOf(copy.format()));
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the store's copy of " + copy.fileName() + " to a temporary file",
          e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new DataException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** 200 MB, 4.6 kB: a size as a user reads it. */
  static String sizeText(long bytes) {
    return bytes >= 1024 * 1024
        ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0))
        : String.format(java.util.Locale.ROOT, "%.1f kB", bytes / 1024.0);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, bytes.length / 4));
    // gzip's fastest level: a 50 MB CSV of random numbers keeps 46% of its size in ~3 s instead of 41% in ~16 s.
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] compressed) {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed), 64 * 1024)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new DataException("the store's copy of the data is damaged (" + e.getMessage() + "): give the file"
          + " with --data");
    }
  }
}
