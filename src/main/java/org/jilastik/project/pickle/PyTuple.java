package org.jilastik.project.pickle;

import java.util.List;

/**
 * A Python tuple decoded from a pickle (lists decode to {@link java.util.ArrayList}, so tuples keep their own type
 * to tell them apart). Immutable view over its items.
 *
 * @param items the elements, unmodifiable
 */
public record PyTuple(List<Object> items) {
    /** Element {@code i}. */
    public Object get(int i) {
        return items.get(i);
    }

    /** Number of elements. */
    public int size() {
        return items.size();
    }
}
