package org.jilastik.project.pickle;

/**
 * A Python global ({@code module.name}) named by a pickle and found on the {@link PickleGlobals} allow-list. It is
 * only a name: nothing is imported or called. Immutable.
 *
 * @param module the module, e.g. {@code numpy.core.multiarray}
 * @param name   the attribute, e.g. {@code _reconstruct}
 */
public record PyGlobal(String module, String name) {
    /** {@code module.name}. */
    public String qualifiedName() {
        return module + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
