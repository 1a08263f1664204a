package org.jilastik.project;

import java.util.List;
import org.jilastik.project.ObjectSettings.ObjectFeatureSpec;
import org.jilastik.project.ObjectSettings.ThresholdSettings;
import org.jilastik.workflow.tracking.TrackingParameters;

/**
 * The tracking-workflow parts of a project (spec tracking §4) that {@link Project} does not model: the solver
 * parameters, the object features the tracking computes, the features the object-count and division classifiers
 * use, and the threshold step of the prediction-map variants. Read by {@link TrackingSettingsReader}. Plain data;
 * treat lists as read-only.
 *
 * @param parameters        the stored (or default) conservation-tracking parameters a headless run uses
 * @param detectionWeight   the detection weight: 10 for conservation tracking (ilastik ignores the stored value),
 *                          the stored learned weight for structured learning
 * @param structured        whether the parameters came from a {@code StructuredTracking} group (learned weights)
 * @param featuresVigra     {@code TrackingFeatureExtraction/FeatureNamesVigra}: plugin features computed per object
 * @param featuresDivision  {@code TrackingFeatureExtraction/FeatureNamesDivision}: the {@code Cell Division
 *                          Features} names
 * @param countFeatures     {@code CountClassification/SelectedFeatures}: the object-count classifier's features
 * @param divisionFeatures  {@code DivisionDetection/SelectedFeatures}: the division classifier's features
 * @param withClassifierPrior whether the object-count classifier's probabilities are used (ilastik requires it)
 * @param threshold         the threshold step ({@code ThresholdTwoLevels}), or null when the project has none
 */
public record TrackingSettings(TrackingParameters parameters, double detectionWeight, boolean structured,
        List<ObjectFeatureSpec> featuresVigra, List<ObjectFeatureSpec> featuresDivision,
        List<ObjectFeatureSpec> countFeatures, List<ObjectFeatureSpec> divisionFeatures,
        boolean withClassifierPrior, ThresholdSettings threshold) {
}
