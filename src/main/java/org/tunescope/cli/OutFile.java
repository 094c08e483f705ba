package org.tunescope.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an {@code --out FILE} before any work is done, so that a search, an export or a generated data set does
 * not end in an error with nothing saved: its folder must exist and be writable, and it must not be a folder.
 */
final class OutFile {

  private OutFile() {
  }

  /** Refuses {@code out} in one line; {@code kinds} says what the file may be, e.g. ".json or .csv". */
  static void check(Path out, String kinds) {
    Path folder = out.toAbsolutePath().getParent();
    if (Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " is a folder; give a file name ending in " + kinds);
    }
    if (folder == null || !Files.isDirectory(folder)) {
      throw new IllegalArgumentException("--out " + out + ": the folder " + folder + " does not exist");
    }
    if (!Files.isWritable(folder)) {
      throw new IllegalArgumentException("--out " + out + ": the folder " + folder + " cannot be written to");
    }
  }
}
