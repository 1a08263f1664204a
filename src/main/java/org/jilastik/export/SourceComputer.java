package org.jilastik.export;

import org.jilastik.array.Block;
import org.jilastik.array.Box;

/**
 * What a workflow gives the export: the values of one export source for a box.
 *
 * <p>Contract: {@link #compute(Box)} returns a block with exactly the requested box (absolute coordinates in
 * the source's pipeline axis order), the source's axes and dtype. It may be called from several threads at
 * once for different boxes; the returned block belongs to the caller.
 */
@FunctionalInterface
public interface SourceComputer {
    /** The source's values in {@code sourceBox}. */
    Block compute(Box sourceBox);
}
