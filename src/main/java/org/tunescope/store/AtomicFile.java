package org.tunescope.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file by way of a temporary file in the same folder, moved into place when complete, so that a failed
 * or interrupted write never leaves half a file in place of a good one. Every results file (a study's, a
 * comparison's, a leaderboard) is written this way.
 */
public final class AtomicFile {

  /** What goes into the file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {
  }

  /** Writes {@code content} to {@code file}, replacing it only once the whole content is written. */
  public static void write(Path file, Content content) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes {@code text} as UTF-8 to {@code file}, the same way. */
  public static void writeString(Path file, String text) throws IOException {
    write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
