package org.gridgov.geo;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;

/**
 * The path from the root down to a grid as an immutable list view over the hierarchy's parent
 * ordinals: 24 bytes whatever the depth, and nothing to build per lookup. {@link Location} keeps it
 * as it is (it copies any other list). Equal to, and hashing as, any list of the same ids.
 */
final class PathList extends AbstractList<GridId> implements RandomAccess {
  private final GridHierarchy hierarchy;
  private final int ordinal;
  private final int size;

  PathList(GridHierarchy hierarchy, int ordinal) {
    this.hierarchy = hierarchy;
    this.ordinal = ordinal;
    this.size = hierarchy.depth(ordinal) + 1;
  }

  @Override
  public GridId get(int index) {
    Objects.checkIndex(index, size);
    int o = ordinal;
    for (int up = size - 1 - index; up > 0; up--) {
      o = hierarchy.parentOrdinal(o);
    }
    return hierarchy.idAt(o);
  }

  @Override
  public int size() {
    return size;
  }
}
