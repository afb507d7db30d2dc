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
 * Removes nodes from a tree and can put them back, so that the extractor's attempts can share one tree instead
 * of each working on a copy: copying a page's tree cost more than all the removals of an attempt.
 *
 * <p>Removing siblings one by one from a parent shifts its child list each time, which is quadratic on pages
 * with tens of thousands of siblings (a nesting bomb flattened by the parser's depth limit); grouping by parent
 * rebuilds each child list once. Not thread-safe: one per tree.
 */
final class TreeEdits {
  private static final int ONE_BY_ONE = 16;

  /** The child list of every parent changed since the last undo, as it was before its first change. */
  private final Map<Element, List<Node>> originals = new IdentityHashMap<>();

  void remove(Node node) {
    removeAll(List.of(node));
  }

  void removeAll(Collection<? extends Node> nodes) {
    Map<Element, Set<Node>> byParent = new IdentityHashMap<>();
    for (Node node : nodes) {
      if (node.parent() instanceof Element parent) {
        byParent.computeIfAbsent(parent, p -> Collections.newSetFromMap(new IdentityHashMap<>())).add(node);
      }
    }
    byParent.forEach((parent, doomed) -> {
      originals.computeIfAbsent(parent, p -> new ArrayList<>(p.childNodes()));
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

  /** Puts back everything removed since the last undo, where it was. */
  void undo() {
    originals.forEach((parent, children) -> {
      parent.empty();
      parent.appendChildren(children);
    });
    originals.clear();
  }
}
