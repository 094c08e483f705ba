package org.tunescope.ml.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class SmileVersionTest {

  @Test
  void theSmileVersionRecordedInTheRunnableJarIsTheOneOnTheClassPath() {
    // Here Smile's own jar is on the class path and names its version; in the runnable jar only the version
    // written at build time is left, and it must be the same.
    String fromSmilesJar = smile.classification.DecisionTree.class.getPackage().getImplementationVersion();
    assertNotNull(fromSmilesJar);
    assertEquals(fromSmilesJar, SmileVersion.builtWith());
    assertEquals(fromSmilesJar, SmileVersion.bundled());
  }
}
