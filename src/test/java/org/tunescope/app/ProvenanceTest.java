package org.tunescope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class ProvenanceTest {

  @Test
  void theSmileVersionRecordedInTheRunnableJarIsTheOneOnTheClassPath() {
    // Here Smile's own jar is on the class path and names its version; in the runnable jar only the version
    // written at build time is left, and it must be the same.
    String fromSmilesJar = smile.classification.DecisionTree.class.getPackage().getImplementationVersion();
    assertNotNull(fromSmilesJar);
    assertEquals(fromSmilesJar, StudyRecords.builtWithSmile());
    assertEquals(fromSmilesJar, StudyRecords.provenance().smileVersion());
  }
}
