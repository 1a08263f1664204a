package org.jilastik.workflow.counting;

import java.util.List;

/**
 * scikit-learn's {@code RandomForestRegressor} prediction: the float64 sum of the trees' leaf values in list
 * order, divided by the number of trees. Immutable, thread safe.
 *
 * @param trees        the estimators, in order
 * @param featureCount the number of features the forest was trained on
 */
public record ForestRegressor(List<RegressionTree> trees, int featureCount) implements DensityRegressor {
    /** Copies the list; requires at least one tree. */
    public ForestRegressor {
        trees = List.copyOf(trees);
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("a forest without trees");
        }
    }

    @Override
    public double predict(float[] features, int offset) {
        double sum = 0;
        for (RegressionTree t : trees) {
            sum += t.predict(features, offset);
        }
        return sum / trees.size();
    }
}
