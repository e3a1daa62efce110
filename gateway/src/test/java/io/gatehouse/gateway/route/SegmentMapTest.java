package io.gatehouse.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentMapTest {

  @Test
  void findsKeysByARegionOfALargerString() {
    SegmentMap<String> map = new SegmentMap<>();
    map.computeIfAbsent("orders", () -> "o");
    map.computeIfAbsent("", () -> "empty");
    assertThat(map.get("/api/orders/1", 5, 11)).isEqualTo("o");
    assertThat(map.get("/api/orders/1", 5, 10)).isNull();
    assertThat(map.get("/api/orders/1", 4, 11)).isNull();
    assertThat(map.get("/x/", 3, 3)).isEqualTo("empty");
  }

  @Test
  void keepsTheFirstValueForAKey() {
    SegmentMap<String> map = new SegmentMap<>();
    assertThat(map.computeIfAbsent("a", () -> "first")).isEqualTo("first");
    assertThat(map.computeIfAbsent("a", () -> "second")).isEqualTo("first");
  }

  @Test
  void holdsManyKeysIncludingCollidingHashes() {
    SegmentMap<Integer> map = new SegmentMap<>();
    for (int i = 0; i < 5_000; i++) {
      map.computeIfAbsent("k" + i, () -> 0);
    }
    // "Aa" and "BB" share a String hash code.
    map.computeIfAbsent("AaAa", () -> 1);
    map.computeIfAbsent("BBBB", () -> 2);
    map.computeIfAbsent("AaBB", () -> 3);
    for (int i = 0; i < 5_000; i++) {
      assertThat(map.get("/k" + i + "/", 1, 2 + String.valueOf(i).length())).isZero();
    }
    assertThat(map.get("AaAa", 0, 4)).isEqualTo(1);
    assertThat(map.get("BBBB", 0, 4)).isEqualTo(2);
    assertThat(map.get("AaBB", 0, 4)).isEqualTo(3);
    assertThat(map.get("BBAa", 0, 4)).isNull();
    assertThat(map.get("k5000", 0, 5)).isNull();
  }
}
