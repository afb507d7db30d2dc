package org.corpuskit.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Removes many nodes at once. Removing siblings one by one from a parent shifts its child list each time, which is
 * quadratic on pages with tens of thousands of siblings (a nesting bomb flattened by the parser's depth limit);
 * grouping by parent rebuilds each child list once.
 */
final class Removal {
  private static final int ONE_BY_ONE = 16;

  private Removal() {}

  static void removeAll(Collection<? extends Node> nodes) {
    Map<Element, Set<Node>> byParent = new IdentityHashMap<>();
    for (Node node : nodes) {
      Element parent = node.parent() instanceof Element p ? p : null;
      if (parent == null) {
        continue;
      }
      byParent.computeIfAbsent(parent, p -> Collections.newSetFromMap(new IdentityHashMap<>())).add(node);
    }
    byParent.forEach((parent, doomed) -> {
      if (doomed.size() <= ONE_BY_ONE) {
        doomed.forEach(Node::remove);
        return;
      }
      List<Node> kept = new ArrayList<>(parent.childNodeSize());
      for (Node child : parent.childNodes()) {
        if (!doomed.contains(child)) {
          kept.add(child);
        }
      }
      parent.empty();
      parent.appendChildren(kept);
    });
  }
}
