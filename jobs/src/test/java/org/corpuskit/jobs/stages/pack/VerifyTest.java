package org.corpuskit.jobs.stages.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerifyTest {
  @Test
  void aDecodedSampleStartsAndEndsOnWholeCharacters() {
    assertEquals("harbour at noon", Verify.readable("\uFFFD\uFFFDharbour  at\nnoon\uFFFD"));
    assertEquals("caf\u00e9", Verify.readable("caf\u00e9"));
  }
}
