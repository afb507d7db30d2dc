package org.corpuskit.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DocIdsTest {
  @Test
  void anIdIs32HexDigitsAndIgnoresAngleBrackets() {
    String id = DocIds.fromRecordId("<urn:uuid:2aabeff2-67f5-4608-8466-e87c6296e2b6>");
    assertEquals(32, id.length());
    assertEquals(id, DocIds.fromRecordId("urn:uuid:2aabeff2-67f5-4608-8466-e87c6296e2b6"));
  }

  @Test
  void differentRecordsGetDifferentIds() {
    assertNotEquals(DocIds.fromRecordId("urn:uuid:a"), DocIds.fromRecordId("urn:uuid:b"));
    assertNotEquals(DocIds.fromCapture("http://a/", "20080430204825"), DocIds.fromCapture("http://a/", "20080430204826"));
  }

  @Test
  void aBlankRecordIdIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> DocIds.fromRecordId(" "));
  }
}
