package org.tunescope.ml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {

  @TempDir
  Path dir;

  @Test
  void sha256IsLowerCaseHex() throws IOException {
    Path file = Files.writeString(dir.resolve("abc.txt"), "abc");
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DataFiles.sha256(file));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        DataFiles.sha256(Files.createFile(dir.resolve("empty"))));
  }

  @Test
  void sha256OfMissingFile() {
    Path file = dir.resolve("gone.csv");
    assertEquals("cannot read " + file + ": no such file",
        assertThrows(DataException.class, () -> DataFiles.sha256(file)).getMessage());
  }

  @Test
  void formatByExtension() {
    assertEquals(DataFormat.CSV, DataFormat.forFile(Path.of("x/Data.TSV")).orElseThrow());
    assertEquals(DataFormat.CSV, DataFormat.forFile(Path.of("adult.data")).orElseThrow());
    assertEquals(DataFormat.ARFF, DataFormat.forFile(Path.of("iris.arff")).orElseThrow());
    assertEquals(DataFormat.LIBSVM, DataFormat.forFile(Path.of("a9a.svmlight")).orElseThrow());
    assertEquals(true, DataFormat.forFile(Path.of("README")).isEmpty());
  }

  @Test
  void aTextFileLargerThanAJavaArrayIsRefusedByItsSizeWithoutBeingRead() throws IOException {
    // 100 KB of real rows (past the binary sniff), then zeros to 3 GB in a sparse file that costs no disk
    Path file = dir.resolve("huge.csv");
    Files.writeString(file, "x,target\n" + "1.5,a\n".repeat(100_000 / 6));
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(3L << 30);
    }
    assertEquals("cannot read " + file + ": it is 3072 MB, more than the 2047 MB a data file can have",
        assertThrows(DataException.class, () -> DataLoader.load(file)).getMessage());
  }
}
