package org.corpuskit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UrlPartsTest {
  @Test
  void theHostIsLowerCaseWithoutPortUserOrTrailingDot() {
    assertEquals("www.example.co.uk", UrlParts.host("https://user:pw@WWW.Example.co.uk.:8443/a?b#c"));
  }

  @Test
  void theRegisteredDomainFollowsThePublicSuffixList() {
    assertEquals("example.co.uk", UrlParts.registeredDomain("news.www.example.co.uk"));
    assertEquals("example.com", UrlParts.registeredDomain("example.com"));
    assertEquals("bbc.co.uk", UrlParts.registeredDomain("www.bbc.co.uk"));
  }

  @Test
  void ipAddressesAndSingleLabelsAreTheirOwnDomain() {
    assertEquals("192.0.2.7", UrlParts.registeredDomain(UrlParts.host("http://192.0.2.7/x")));
    assertEquals("[2001:db8::1]", UrlParts.registeredDomain(UrlParts.host("http://[2001:db8::1]/x")));
    assertEquals("localhost", UrlParts.registeredDomain("localhost"));
    assertEquals("co.uk", UrlParts.registeredDomain("co.uk"));
  }

  @Test
  void anUnknownSuffixKeepsTheLastTwoLabels() {
    assertEquals("millbrook-gazette.example", UrlParts.registeredDomain("www.millbrook-gazette.example"));
    assertEquals("corp.internal", UrlParts.registeredDomain("wiki.eng.corp.internal"));
  }

  @Test
  void badUrlsGiveEmptyStringsInsteadOfErrors() {
    assertEquals("", UrlParts.host("not a url"));
    assertEquals("", UrlParts.host(null));
    assertEquals("", UrlParts.registeredDomain(""));
  }
}
