package org.jilastik.project;

import java.util.List;
import java.util.Map;

/**
 * The settings of a Boundary-based Segmentation with Multicut project (spec multicut §3), version independent.
 *
 * @param channelSelections  probability channels summed into the watershed input ({@code ChannelSelections})
 * @param threshold          watershed boundary threshold
 * @param minSize            smallest superpixel kept
 * @param sigma              smoothing σ of the watershed
 * @param alpha              height-map weight of the smoothed input
 * @param pixelPitch         pitch per spatial axis in C order, or empty
 * @param blockwise          {@code BlockwiseWatershed} (absent: false)
 * @param featureNames       channel name → stored edge feature names, in stored order; unmodifiable
 * @param trainRandomForest  {@code TrainRandomForest} (absent: true)
 * @param beta               {@code Beta} (absent: 0.5)
 * @param probabilityThreshold {@code ProbabilityThreshold} (absent: 0.5)
 * @param solverName         {@code SolverName} (absent: {@code kernighan-lin})
 */
public record MulticutSettings(int[] channelSelections, double threshold, int minSize, double sigma, double alpha,
                               double[] pixelPitch, boolean blockwise, Map<String, List<String>> featureNames,
                               boolean trainRandomForest, double beta, double probabilityThreshold,
                               String solverName) {
}
