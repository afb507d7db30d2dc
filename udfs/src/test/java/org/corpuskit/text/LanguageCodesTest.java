package org.corpuskit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageCodesTest {
  @Test
  void aRegionOrScriptIsDroppedAndTheCodeLowerCased() {
    assertEquals("en", LanguageCodes.primary("en-US"));
    assertEquals("zh", LanguageCodes.primary("zh_Hant"));
    assertEquals("pt", LanguageCodes.primary(" PT-br "));
  }

  @Test
  void threeLetterCodesBecomeTwoLetterOnesWhereTheyExist() {
    assertEquals("en", LanguageCodes.primary("eng,fra"));
    assertEquals("de", LanguageCodes.primary("deu"));
    assertEquals("yue", LanguageCodes.primary("yue"));
  }

  @Test
  void indonesianHebrewAndYiddishGetTheirCurrentCodesNotTheWithdrawnOnes() {
    assertEquals("id", LanguageCodes.primary("ind"));
    assertEquals("he", LanguageCodes.primary("heb"));
    assertEquals("yi", LanguageCodes.primary("yid"));
    assertEquals("id", LanguageCodes.primary("in-ID"));
    assertEquals("he", LanguageCodes.primary("iw"));
    assertEquals("yi", LanguageCodes.primary("ji"));
  }

  @Test
  void whatIsNotALanguageCodeGivesNothing() {
    assertEquals("", LanguageCodes.primary(""));
    assertEquals("", LanguageCodes.primary(null));
    assertEquals("", LanguageCodes.primary("x-default"));
    assertEquals("", LanguageCodes.primary("{{lang}}"));
  }
}
