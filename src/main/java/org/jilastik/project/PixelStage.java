package org.jilastik.project;

import org.jilastik.features.FeatureSelection;

/**
 * One pixel-classification stage: a feature selection paired with its labels and classifier. Pixel
 * Classification (and Object Classification from pixel classification, Counting's features) have one; Autocontext
 * has one per stage: {@code FeatureSelections} + {@code PixelClassification}, {@code FeatureSelections01} +
 * {@code PixelClassification01}, ...
 *
 * @param number       1-based stage number
 * @param featureGroup HDF5 path of the feature selection group
 * @param features     the feature selection, or null if the group stores none
 * @param classifier   the paired classifier group (labels, forests), or null if the project has none
 */
public record PixelStage(int number, String featureGroup, FeatureSelection features, ClassifierGroup classifier) {
}
