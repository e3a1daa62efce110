package io.gatehouse.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentTablesTest {

  @Test
  void findsKeysByARegionOfALargerString() {
    SegmentTables.Builder builder = SegmentTables.builder();
    int table = builder.add(Map.of("orders", 1, "", 2));
    SegmentTables tables = builder.build();
    assertThat(tables.get(table, "/api/orders/1", 5, 11)).isEqualTo(1);
    assertThat(tables.get(table, "/x/", 3, 3)).isEqualTo(2);
  }

  @Test
  void comparesWholeKeysNotPrefixes() {
    SegmentTables.Builder builder = SegmentTables.builder();
    int table = builder.add(Map.of("item", 1, "items", 2));
    SegmentTables tables = builder.build();
    assertThat(tables.get(table, "/items/7", 1, 6)).isEqualTo(2);
    assertThat(tables.get(table, "/items/7", 1, 5)).isEqualTo(1);
    assertThat(tables.get(table, "/item", 1, 4)).isEqualTo(-1);
    assertThat(tables.get(table, "/itemsx", 1, 7)).isEqualTo(-1);
    assertThat(tables.get(table, "/", 1, 1)).isEqualTo(-1);
  }

  @Test
  void comparesKeysLongerThanWhatIsPackedCharByChar() {
    SegmentTables.Builder builder = SegmentTables.builder();
    int table = builder.add(Map.of("12345678", 1, "123456789", 2, "12345678a", 3, "t1.example.com", 4, "t2.example.com", 5));
    SegmentTables tables = builder.build();
    assertThat(tables.get(table, "/12345678/", 1, 9)).isEqualTo(1);
    assertThat(tables.get(table, "/123456789/", 1, 10)).isEqualTo(2);
    assertThat(tables.get(table, "12345678a", 0, 9)).isEqualTo(3);
    assertThat(tables.get(table, "12345678b", 0, 9)).isEqualTo(-1);
    assertThat(tables.get(table, "t2.example.com:8443", 0, 14)).isEqualTo(5);
    assertThat(tables.get(table, "t2.example.org", 0, 14)).isEqualTo(-1);
  }

  @Test
  void takesNoCharAboveLatin1ForTheByteItEndsIn() {
    SegmentTables.Builder builder = SegmentTables.builder();
    int table = builder.add(Map.of("caf\u00e9", 1, "a", 2));
    SegmentTables tables = builder.build();
    assertThat(tables.get(table, "caf\u00e9", 0, 4)).isEqualTo(1);
    assertThat(tables.get(table, "caf\u01e9", 0, 4)).isEqualTo(-1);
    assertThat(tables.get(table, "\u0161", 0, 1)).isEqualTo(-1);
  }

  @Test
  void refusesKeysBeyondLatin1() {
    SegmentTables.Builder builder = SegmentTables.builder();
    assertThatThrownBy(() -> builder.add(Map.of("\u0161", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ISO 8859-1");
  }

  @Test
  void findsNothingInAnEmptyTable() {
    SegmentTables.Builder builder = SegmentTables.builder();
    int empty = builder.add(Map.of());
    assertThat(empty).isEqualTo(SegmentTables.NONE);
    assertThat(builder.build().get(empty, "anything", 0, 8)).isEqualTo(-1);
  }

  @Test
  void keepsEachTableToItsOwnKeys() {
    SegmentTables.Builder builder = SegmentTables.builder();
    int first = builder.add(Map.of("items", 1, "orders", 2));
    int second = builder.add(Map.of("items", 3, "users", 4));
    SegmentTables tables = builder.build();
    assertThat(tables.get(first, "items", 0, 5)).isEqualTo(1);
    assertThat(tables.get(second, "items", 0, 5)).isEqualTo(3);
    assertThat(tables.get(first, "users", 0, 5)).isEqualTo(-1);
    assertThat(tables.get(second, "orders", 0, 6)).isEqualTo(-1);
  }

  @Test
  void holdsThousandsOfSimilarSiblingsAndCollidingHashes() {
    Map<String, Integer> keys = new LinkedHashMap<>();
    for (int i = 0; i < 10_000; i++) {
      keys.put("svc" + i, i);
    }
    // "Aa" and "BB" have the same String hash code, and so do these.
    keys.put("AaAa", 10_000);
    keys.put("BBBB", 10_001);
    keys.put("AaBB", 10_002);
    SegmentTables.Builder builder = SegmentTables.builder();
    int table = builder.add(keys);
    SegmentTables tables = builder.build();
    keys.forEach((key, value) -> assertThat(tables.get(table, "/" + key + "/x", 1, 1 + key.length())).isEqualTo(value));
    assertThat(tables.get(table, "BBAa", 0, 4)).isEqualTo(-1);
    assertThat(tables.get(table, "svc10000", 0, 8)).isEqualTo(-1);
  }

  @Test
  void packsManySmallTablesSideBySide() {
    SegmentTables.Builder builder = SegmentTables.builder();
    List<Integer> handles = new ArrayList<>();
    for (int t = 0; t < 1_000; t++) {
      handles.add(builder.add(Map.of("items", t, "id" + t, t + 1_000_000)));
    }
    SegmentTables tables = builder.build();
    for (int t = 0; t < 1_000; t++) {
      assertThat(tables.get(handles.get(t), "items", 0, 5)).isEqualTo(t);
      assertThat(tables.get(handles.get(t), "id" + t, 0, ("id" + t).length())).isEqualTo(t + 1_000_000);
      assertThat(tables.get(handles.get(t), "id" + (t + 1), 0, ("id" + (t + 1)).length())).isEqualTo(-1);
    }
  }
}
