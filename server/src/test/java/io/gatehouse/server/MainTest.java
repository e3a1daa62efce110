package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();

  @AfterEach
  void restore() {
    ResourceLeakDetector.setLevel(before);
  }

  @Test
  void switchesNettyLeakDetectionOffUnlessALevelWasAskedFor() {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
    Main.leakDetection(null);
    assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.DISABLED);

    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    Main.leakDetection("paranoid");
    assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
  }
}
