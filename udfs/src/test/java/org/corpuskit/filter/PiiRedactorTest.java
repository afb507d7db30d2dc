package org.corpuskit.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.util.ULocale;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
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
    assertEquals("SSN <SSN>.", redact("SSN 536-22-8726."));
    assertEquals("From <IP_ADDRESS> and <IP_ADDRESS>.", redact("From 8.8.4.4 and 2001:4860:4860::8888."));
    assertEquals("Call <PHONE> after six.", redact("Call +44 20 7946 0958 after six."));
  }

  @Test
  void numbersThatFailTheirChecksumsArePlainNumbers() {
    assertFalse(PiiChecks.luhn("4539148803436468"));
    assertTrue(PiiChecks.luhn("4539148803436467"));
    assertFalse(PiiChecks.ibanChecksum("GB82WEST12345698765433"));
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
  void precisionAndRecallOnPresidioSyntheticRecordsMeetTheFloors() {
    assertFloors(PiiEval.score(SharedData.require("lists/pii/presidio-research/synth_dataset_v2.json")));
  }

  @Test
  void precisionAndRecallOnOurLabelledTextsFullOfDecoysMeetTheFloors() throws Exception {
    assertFloors(PiiEval.score(Path.of(PiiRedactorTest.class.getResource("pii-labelled.jsonl").toURI())));
  }

  /** All types together 0.95 and 0.95; phones 0.90 and 0.85. */
  private static void assertFloors(Map<PiiFinder.Type, PiiEval.Score> scores) {
    PiiEval.Score all = PiiEval.total(scores);
    assertTrue(all.precision() >= 0.95 && all.recall() >= 0.95, PiiEval.table(scores));
    PiiEval.Score phone = scores.get(PiiFinder.Type.PHONE);
    assertTrue(phone.precision() >= 0.90 && phone.recall() >= 0.85, PiiEval.table(scores));
  }

  @Test
  void numbersShapedLikePersonalDataAreNot() {
    for (String decoy : List.of("on 2023-11-04 at", "from 1998-2004 on", "ZIP 94103-1234 here", "ISBN 978-3-16-148410-0.",
        "Invoice 2023-004512 is due", "INV-2023-004512 paid", "tracking 7489 2231 0045 now", "build 10.0.19041.1",
        "OID 1.3.6.1.4.1.311.21.8", "not 666-45-1234 nor 000-12-3456 nor 123-45-0000 nor 078-05-1120",
        "value 300.400.500.600", "std::vector<int> and a::b::c", "numbers 12 18 25 33 41 47.",
        "licence 2270-66-1551", "CEP 90010-170")) {
      assertEquals(List.of(), PiiFinder.find("Text " + decoy + " ends."), decoy);
    }
  }

  @Test
  void theTypesAndModesOfThePolicyDecideWhatIsDoneAndTheSpansPointIntoTheTextKept() {
    String text = "Mail a@b.example or call +44 20 7946 0321.";
    Signals tagged = new Signals();
    PiiPolicy tag = new PiiPolicy(PiiPolicy.Mode.TAG, EnumSet.of(PiiFinder.Type.PHONE), Map.of(), false);
    assertEquals(text, new PiiRedactor(tag).edit(new FilterDoc(text, "", new Words(ULocale.ROOT)), tagged));
    assertEquals(List.of(new Signal.TextSpan("phone", 25, 41)), tagged.get(PiiRedactor.SPANS));
    assertEquals(null, tagged.get("pii_email"), "email is not among the types");
    Signals redacted = new Signals();
    PiiPolicy redact = new PiiPolicy(PiiPolicy.Mode.REDACT, EnumSet.allOf(PiiFinder.Type.class),
        Map.of(PiiFinder.Type.EMAIL, "[mail]"), false);
    String kept = new PiiRedactor(redact).edit(new FilterDoc(text, "", new Words(ULocale.ROOT)), redacted);
    assertEquals("Mail [mail] or call <PHONE>.", kept);
    assertEquals(List.of(new Signal.TextSpan("email", 5, 11), new Signal.TextSpan("phone", 20, 27)),
        redacted.get(PiiRedactor.SPANS));
    Signals off = new Signals();
    PiiPolicy none = new PiiPolicy(PiiPolicy.Mode.OFF, EnumSet.allOf(PiiFinder.Type.class), Map.of(), false);
    assertEquals(text, new PiiRedactor(none).edit(new FilterDoc(text, "", new Words(ULocale.ROOT)), off));
    assertEquals(null, off.get(PiiRedactor.SPANS), "nothing was looked for");
    assertEquals(null, off.get("pii_phone"));
  }

  @Test
  void phonesWrittenInGroupsOfFiveDigitsAreTakenWhole() {
    assertEquals("Call <PHONE> or <PHONE>.", redact("Call +91 98765 43210 or +55 11 91234-5678."));
    assertEquals("Dial <PHONE> today.", redact("Dial +91-98765-43210 today."));
  }

  @Test
  void spanOffsetsCountCodePointsAsPythonAndSparkDo() {
    String text = "\uD83D\uDE00\uD83D\uDE00 mail a@b.example now";
    Signals out = new Signals();
    PiiPolicy tag = new PiiPolicy(PiiPolicy.Mode.TAG, EnumSet.allOf(PiiFinder.Type.class), Map.of(), false);
    new PiiRedactor(tag).edit(new FilterDoc(text, "", new Words(ULocale.ROOT)), out);
    assertEquals(List.of(new Signal.TextSpan("email", 8, 19)), out.get(PiiRedactor.SPANS),
        "two emoji are two characters, not four");
  }

  @Test
  void privateAddressesCountWhenThePolicySaysAll() {
    assertEquals(List.of(), PiiFinder.find("host 192.168.1.20 up"));
    assertEquals(1, PiiFinder.find("host 192.168.1.20 up", EnumSet.of(PiiFinder.Type.IP), true).size());
  }
}
