package org.corpuskit.extract;

import java.util.regex.Pattern;

/**
 * Whether a rendered line is prose, as opposed to the pagination, menus, counters and legal lines that are all
 * the text of many listing and home pages. A page without a prose line is {@link Extraction#boilerplateOnly()}.
 */
final class Prose {
  /**
   * Letters outside links a prose line has at least: a short sentence ("We bake bread every morning." has 23),
   * more than a pager ("首页 下一页 末页 共 15页284条" has 10), a menu label or a date. Letters, not characters,
   * so that digits and punctuation count for nothing, and a Han character counts once, like a Latin letter.
   */
  static final int MIN_LETTERS = 20;
  /** A legal line is short; a paragraph that mentions copyright is prose. */
  private static final int MAX_LEGAL_CHARS = 200;
  private static final Pattern LEGAL = Pattern.compile(
      "(?iu)©|\\(c\\)\\s*\\d{4}|\\bcopyright\\b|all rights reserved|alle rechte vorbehalten|tous droits réservés"
          + "|todos los derechos reservados|tutti i diritti riservati|все права защищены|版权所有|版權所有"
          + "|ICP备|ICP证|著作権");

  private Prose() {}

  /** {@code ownLetters} is how many of the line's letters are outside links. */
  static boolean isProse(CharSequence line, int ownLetters) {
    return ownLetters >= MIN_LETTERS && !(line.length() <= MAX_LEGAL_CHARS && LEGAL.matcher(line).find());
  }
}
