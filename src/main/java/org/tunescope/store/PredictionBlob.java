package org.tunescope.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.tunescope.engine.study.FoldPredictions;

/**
 * The stored form of a trial's fold predictions: a version byte, then per fold its column count and row
 * counts and its float32 numbers, the whole deflated. Floats of probabilities compress little, so the cost is
 * close to 4 bytes per number: (training rows + validation rows) x columns x folds.
 */
public final class PredictionBlob {

  private static final int VERSION = 1;

  private PredictionBlob() {
  }

  public static byte[] encode(List<FoldPredictions> folds) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes,
        new Deflater(Deflater.BEST_SPEED)))) {
      out.writeByte(VERSION);
      out.writeInt(folds.size());
      for (FoldPredictions f : folds) {
        out.writeInt(f.columns());
        out.writeInt(f.train().length);
        out.writeInt(f.validation().length);
        for (float v : f.train()) {
          out.writeFloat(v);
        }
        for (float v : f.validation()) {
          out.writeFloat(v);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot pack predictions in memory", e);
    }
    return bytes.toByteArray();
  }

  public static List<FoldPredictions> decode(byte[] blob) {
    try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(blob)))) {
      int version = in.readByte();
      if (version != VERSION) {
        throw new StoreException("stored predictions are of format " + version + "; this TuneScope reads "
            + VERSION + ": update TuneScope");
      }
      int count = in.readInt();
      List<FoldPredictions> folds = new ArrayList<>(count);
      for (int f = 0; f < count; f++) {
        int columns = in.readInt();
        float[] train = new float[in.readInt()];
        float[] validation = new float[in.readInt()];
        for (int i = 0; i < train.length; i++) {
          train[i] = in.readFloat();
        }
        for (int i = 0; i < validation.length; i++) {
          validation[i] = in.readFloat();
        }
        folds.add(new FoldPredictions(columns, train, validation));
      }
      return folds;
    } catch (IOException e) {
      throw new StoreException("stored predictions are damaged: " + e.getMessage());
    }
  }
}
