package org.jilastik.project.pickle;

import java.util.Set;

/**
 * The Python globals a project's pickles may name: numpy's array and dtype reconstruction, scikit-learn's tree
 * ensembles, ilastik's counting regressor wrappers, and a few builtins that only describe data. All are decoded as
 * inert {@link PyObject} records; any other name ({@code os.system}, {@code builtins.eval}, ...) is refused.
 * Module aliases of older and newer library versions are listed too. Stateless, thread safe.
 */
public final class PickleGlobals {
    private static final Set<String> ALLOWED = Set.of(
            // numpy arrays, dtypes, scalars
            "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct", "numpy.ndarray",
            "numpy.dtype", "numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar",
            "numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer",
            // scikit-learn regression trees and forests (module names of several releases)
            "sklearn.ensemble._forest.RandomForestRegressor", "sklearn.ensemble.forest.RandomForestRegressor",
            "sklearn.tree._classes.DecisionTreeRegressor", "sklearn.tree.tree.DecisionTreeRegressor",
            "sklearn.tree._tree.Tree",
            // ilastik's counting wrappers
            "ilastik.applets.counting.countingsvr.SVR", "ilastik.applets.counting.countingsvr.RegressorGurobi",
            "ilastik.applets.counting.countingsvr.RegressorC",
            // data-only builtins
            "copyreg._reconstructor", "copy_reg._reconstructor", "builtins.object", "__builtin__.object",
            "builtins.set", "__builtin__.set", "builtins.frozenset", "__builtin__.frozenset", "builtins.slice",
            "__builtin__.slice", "builtins.bytearray", "__builtin__.bytearray", "_codecs.encode");

    private PickleGlobals() {
    }

    /** Whether {@code module.name} may appear in a decoded pickle. */
    public static boolean allowed(String module, String name) {
        return ALLOWED.contains(module + "." + name);
    }
}
