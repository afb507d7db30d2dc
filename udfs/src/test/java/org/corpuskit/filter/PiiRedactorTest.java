package org.corpuskit.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.util.ULocale;
import java.util.Map;
import org.corpuskit.SharedData;
import org.corpuskit.eval.PiiEval;
import org.corpuskit.text.Words;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {
  private static String redact(String text) {
    return new PiiRedactor().edit(new FilterDoc(text, "", new Words(ULocale.ROOT)), new Signals());
  }

  @Test
  void eachTypeIsReplacedByItsPlaceholder() {
    assertEquals("Write to <EMAIL> today.", redact("Write to jane.doe@harbour-mail.example today."));
    assertEquals("Card <CREDIT_CARD> expired.", redact("Card 4539 1488 0343 6467 expired."));
    assertEquals("Pay to <IBAN> now.", redact("Pay to GB82 WEST 1234 5698 7654 32 now."));
    assertEquals("SSN <SSN>.", redact("SSN 219-09-9999."));
    assertEquals("From <IP_ADDRESS> and <IP_ADDRESS>.", redact("From 8.8.4.4 and 2001:4860:4860::8888."));
    assertEquals("Call <PHONE> after six.", redact("Call +44 20 7946 0958 after six."));
  }

  @Test
  void numbersThatFailTheirChecksumsArePlainNumbers() {
    assertFalse(PiiRedactor.luhn("4539148803436468"));
    assertTrue(PiiRedactor.luhn("4539148803436467"));
    assertFalse(PiiRedactor.ibanChecksum("GB82WEST12345698765433"));
    assertEquals("Order 4539 1488 0343 6468 shipped.", redact("Order 4539 1488 0343 6468 shipped."));
  }

  @Test
  void privateAddressesDatesAndHouseNumbersAreLeftAlone() {
    String text = "Router 192.168.1.1, on 2020-06-20 14:00, at 370 3911 Mill Road, server 10.0.0.7.";
    assertEquals(text, redact(text));
    String documentation = "Examples use 192.0.2.14, 203.0.113.9 and 2001:db8::1, never real hosts.";
    assertEquals(documentation, redact(documentation));
  }

  @Test
  void aHundredThousandAddressesInOneTextAreEachReplaced() {
    String text = "write to a@b.example or 8.8.8.8 ".repeat(100_000);
    Signals out = new Signals();
    String redacted = new PiiRedactor().edit(new FilterDoc(text, "", new Words(ULocale.ROOT)), out);
    assertEquals(100_000, out.get("pii_email"));
    assertEquals(100_000, out.get("pii_ip"));
    assertEquals("write to <EMAIL> or <IP_ADDRESS> ".repeat(100_000), redacted);
  }

  @Test
  void theCountsPerTypeAreSignals() {
    Signals out = new Signals();
    new PiiRedactor().edit(new FilterDoc("a@b.example c@d.example 8.8.8.8", "", new Words(ULocale.ROOT)), out);
    assertEquals(2, out.get("pii_email"));
    assertEquals(1, out.get("pii_ip"));
    assertEquals(0, out.get("pii_phone"));
  }

  @Test
  void aTextBuiltToMakeRegularExpressionsBacktrackIsScannedInLinearTime() {
    String evil = "a".repeat(200_000) + "@" + "b.".repeat(100_000) + "!" + "1 ".repeat(100_000);
    assertTrue(redact(evil).length() > 0);
  }

  @Test
  void precisionAndRecallOnPresidioSyntheticRecordsMeetTheTargets() {
    Map<PiiRedactor.Type, PiiEval.Score> scores =
        PiiEval.score(SharedData.require("lists/pii/presidio-research/synth_dataset_v2.json"));
    for (PiiRedactor.Type type : new PiiRedactor.Type[] {PiiRedactor.Type.EMAIL, PiiRedactor.Type.IP,
        PiiRedactor.Type.CREDIT_CARD, PiiRedactor.Type.IBAN}) {
      assertTrue(scores.get(type).precision() >= 0.95 && scores.get(type).recall() >= 0.90, type + " " + scores);
    }
    PiiEval.Score phone = scores.get(PiiRedactor.Type.PHONE);
    assertTrue(phone.precision() >= 0.85 && phone.recall() >= 0.80, "phone " + phone);
  }
}
