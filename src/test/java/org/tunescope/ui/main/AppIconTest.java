package org.tunescope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real app's window carries TuneScope's icon at every drawn size, each a square image of that size. */
class AppIconTest {

  private TuneScopeApp app;

  @AfterEach
  void close() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
    }
  }

  @Test
  void theWindowHasTheIconAtEverySize() throws Exception {
    Stage stage = FxToolkit.registerPrimaryStage();
    app = (TuneScopeApp) FxToolkit.setupApplication(TuneScopeApp.class);
    WaitForAsyncUtils.waitForFxEvents();
    List<Image> icons = stage.getIcons();
    assertEquals(TuneScopeApp.ICON_SIZES.length, icons.size(), "one icon per drawn size");
    for (int i = 0; i < icons.size(); i++) {
      Image icon = icons.get(i);
      assertTrue(!icon.isError(), "icon " + i + " decodes");
      assertEquals(TuneScopeApp.ICON_SIZES[i], icon.getWidth(), 0.0);
      assertEquals(TuneScopeApp.ICON_SIZES[i], icon.getHeight(), 0.0);
      // Drawn, not blank: the tile's centre is opaque.
      int c = TuneScopeApp.ICON_SIZES[i] / 2;
      assertEquals(1.0, icon.getPixelReader().getColor(c, c).getOpacity(), 0.01);
    }
    assertEquals(TuneScopeApp.TITLE, stage.getTitle());
  }
}
