package org.corpuskit.text;

import static org.corpuskit.text.UrlParts.Suffixes.ALL;
import static org.corpuskit.text.UrlParts.Suffixes.ICANN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UrlPartsTest {
  @Test
  void theHostIsLowerCaseWithoutPortUserOrTrailingDot() {
    assertEquals("www.example.co.uk", UrlParts.host("https://user:pw@WWW.Example.co.uk.:8443/a?b#c"));
  }

  @Test
  void theRegisteredDomainFollowsThePublicSuffixList() {
    assertEquals("example.co.uk", UrlParts.registeredDomain("news.www.example.co.uk", ALL));
    assertEquals("example.com", UrlParts.registeredDomain("example.com", ALL));
    assertEquals("bbc.co.uk", UrlParts.registeredDomain("www.bbc.co.uk", ALL));
  }

  @Test
  void privateSuffixesMakeEachHostedSiteADomainOfItsOwnUnlessOnlyIcannIsAsked() {
    assertEquals("alice.github.io", UrlParts.registeredDomain("alice.github.io", ALL));
    assertEquals("bob.blogspot.com", UrlParts.registeredDomain("www.bob.blogspot.com", ALL));
    assertEquals("github.io", UrlParts.registeredDomain("alice.github.io", ICANN));
    assertEquals("blogspot.com", UrlParts.registeredDomain("www.bob.blogspot.com", ICANN));
    assertEquals("github.io", UrlParts.registeredDomain("github.io", ALL));
  }

  @Test
  void ipAddressesAndSingleLabelsAreTheirOwnDomain() {
    assertEquals("192.0.2.7", UrlParts.registeredDomain(UrlParts.host("http://192.0.2.7/x"), ALL));
    assertEquals("[2001:db8::1]", UrlParts.registeredDomain(UrlParts.host("http://[2001:db8::1]/x"), ALL));
    assertEquals("localhost", UrlParts.registeredDomain("localhost", ALL));
    assertEquals("co.uk", UrlParts.registeredDomain("co.uk", ALL));
  }

  @Test
  void anUnknownSuffixKeepsTheLastTwoLabels() {
    assertEquals("millbrook-gazette.example", UrlParts.registeredDomain("www.millbrook-gazette.example", ALL));
    assertEquals("corp.internal", UrlParts.registeredDomain("wiki.eng.corp.internal", ALL));
  }

  @Test
  void badUrlsGiveEmptyStringsInsteadOfErrors() {
    assertEquals("", UrlParts.host("not a url"));
    assertEquals("", UrlParts.host(null));
    assertEquals("", UrlParts.registeredDomain("", ALL));
  }
}
