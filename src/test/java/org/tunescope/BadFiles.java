package org.tunescope;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;

/** Files that are wrong in the ways a person's files are: for the bad-input tests of the CLI and the window. */
public final class BadFiles {

  /** What is wrong with the file. */
  public enum Bad {
    MISSING, UNREADABLE, EMPTY, BINARY, HUGE, WRONG_TYPE
  }

  private BadFiles() {
  }

  /**
   * A file named {@code name}, in a new folder under {@code dir}, that is {@code bad}: {@link Bad#HUGE} begins
   * as {@code right}, a real file of the kind expected, so that it passes a look at its first bytes, then is
   * zeros to 3 GB (a sparse file that costs no disk); {@link Bad#WRONG_TYPE} is a copy of {@code wrong}, a real
   * file of another kind. {@link Bad#UNREADABLE} has no permissions, or is a folder when the tests run as root
   * (root reads anything, but not a folder as a file).
   */
  public static Path make(Path dir, Bad bad, String name, Path right, Path wrong) throws IOException {
    Path folder = Files.createTempDirectory(dir, bad.name().toLowerCase(java.util.Locale.ROOT));
    Path file = folder.resolve(name);
    switch (bad) {
      case MISSING -> {
      }
      case UNREADABLE -> {
        Files.writeString(file, "a,b\n1,2\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(file)) {
          Files.delete(file);
          Files.createDirectory(file);
        }
      }
      case EMPTY -> Files.createFile(file);
      case BINARY -> {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);
      }
      case HUGE -> {
        byte[] bytes = Files.readAllBytes(right);
        Files.write(file, Arrays.copyOf(bytes, Math.min(bytes.length, 1024)));
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
          f.setLength(3L << 30);
        }
      }
      case WRONG_TYPE -> Files.copy(wrong, file);
    }
    return file;
  }
}
