package org.corpuskit.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corpuskit.SharedData;
import org.junit.jupiter.api.Test;

class SafetyListsTest {
  @Test
  void aSubdomainMatchesItsListedDomainButNotALookAlike() {
    UrlBlocklist list = new UrlBlocklist().add("gambling", "domains", List.of("# comment", "casino.example"));
    assertEquals("gambling", list.category("https://www.casino.example/x"));
    assertEquals("gambling", list.category("http://a.b.casino.example"));
    assertEquals("", list.category("https://notcasino.example/"));
  }

  @Test
  void aListedUrlMatchesItselfAndThePagesUnderItWhateverTheScheme() {
    UrlBlocklist list = new UrlBlocklist().add("adult", "urls", List.of("shop.example/adult"));
    assertEquals("adult", list.category("https://www.shop.example/adult/toys?x=1"));
    assertEquals("adult", list.category("http://shop.example/adult"));
    assertEquals("", list.category("https://shop.example/adulthood-essays"));
  }

  @Test
  void anExpressionThatRe2CannotCompileNamesItsFileAndLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new UrlBlocklist().add("adult", "expressions", List.of("ok", "(a)\\1")));
    assertTrue(e.getMessage().startsWith("adult/expressions line 2:"), e.getMessage());
  }

  @Test
  void realUt1ListsBlockTheirOwnEntriesAndTheirSubdomains() throws IOException {
    Path ut1 = SharedData.require("lists/ut1-blacklists");
    UrlBlocklist list = new UrlBlocklist();
    for (String category : List.of("gambling", "phishing", "adult")) {
      for (String kind : List.of("domains", "urls", "very_restrictive_expression")) {
        Path file = ut1.resolve(category).resolve(kind);
        if (Files.exists(file)) {
          list.add(category, kind, Files.readAllLines(file));
        }
      }
    }
    String domain = Files.readAllLines(ut1.resolve("gambling/domains")).get(0).strip();
    assertEquals("gambling", list.category("https://www." + domain + "/roulette"));
    assertEquals("adult", list.category("https://example.org/videos/hardcore-clips"));
    assertEquals("", list.category("https://en.wikipedia.org/wiki/River"));
  }

  @Test
  void chineseBadWordsAreSubstringsButTheWordsC4AllowsAreNotCounted() {
    BadWords words = new BadWords().add("zh", List.of("性", "坏词"));
    Signals out = new Signals();
    words.tag(new FilterDoc("这种可能性很大，但这是一个坏词。", "", new org.corpuskit.text.Words(
        com.ibm.icu.util.ULocale.CHINESE)), "zh", out);
    assertTrue((double) out.get("bad_words_ratio") > 0);
    Signals clean = new Signals();
    words.tag(new FilterDoc("这种可能性很大。", "", new org.corpuskit.text.Words(com.ibm.icu.util.ULocale.CHINESE)),
        "zh", clean);
    assertEquals(0.0, clean.get("bad_words_ratio"));
  }
}
