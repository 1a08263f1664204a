package org.jilastik.workflow.multicut;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.jilastik.error.JilastikException;
import org.jilastik.forest.ForestPredictor;
import org.jilastik.project.MulticutSettings;

/**
 * One lane of Boundary-based Segmentation with Multicut (spec multicut §2), on whole-image arrays: watershed input
 * (sum of the selected probability channels), superpixels (blockwise DT watershed, or given), RAG, edge features,
 * edge probabilities (stored forest, or the normalised boundary mean), weights, the multicut, and the painted
 * segmentation ({@code labels[superpixel]}, nifty's label values).
 *
 * <p>Memory: the superpixel watershed works block by block, but the RAG, the feature table and the solver are
 * global: the whole image's channels (4 bytes per pixel and channel), superpixels and result are held at once.
 * Immutable; {@link #run} may be called from several threads.
 */
public final class MulticutPipeline {
    private final MulticutSettings settings;
    private final ForestPredictor forest;
    private final MulticutSolver solver;

    /**
     * @param forest the edge classifier, or null when {@code settings.trainRandomForest()} is false
     */
    public MulticutPipeline(MulticutSettings settings, ForestPredictor forest) {
        this.settings = settings;
        this.forest = forest;
        this.solver = MulticutSolver.byStoredName(settings.solverName());
    }

    /**
     * The multicut segmentation of one image.
     *
     * @param raw           raw channels, each flat C-order {@code [z][y][x]} (z = 1 in 2-D)
     * @param probabilities probability channels, same layout
     * @param superpixels   given superpixels (ids ≥ 0), or null to compute them
     * @param shape         extents {z, y, x}
     * @param is3d          whether the image is 3-D
     * @param pool          workers for the watershed blocks, or null
     * @return segment label per pixel (uint32 values in an int array), same layout
     */
    public int[] run(List<float[]> raw, List<float[]> probabilities, int[] superpixels, int[] shape, boolean is3d,
            ExecutorService pool) {
        float[] boundary = watershedInput(probabilities, shape);
        int[] sp = superpixels;
        if (sp == null) {
            WatershedSettings ws = new WatershedSettings(settings.channelSelections(), settings.threshold(),
                    settings.minSize(), settings.sigma(), settings.alpha(), settings.pixelPitch(),
                    settings.blockwise());
            sp = BlockwiseSuperpixels.compute(boundary, shape, is3d, ws, pool);
        }
        RegionAdjacencyGraph rag = RegionAdjacencyGraph.of(sp, shape, is3d);
        float[] cut;
        if (settings.trainRandomForest()) {
            List<EdgeFeatures.Channel> channels = new ArrayList<>();
            addChannels(channels, "Raw Data", raw);
            addChannels(channels, "Probabilities", probabilities);
            channels.add(new EdgeFeatures.Channel(EdgeProbabilities.BOUNDARY_CHANNEL, boundary));
            EdgeFeatures.Table table = EdgeFeatures.compute(rag, channels, settings.featureNames());
            if (table.columns().size() != forest.featureCount()) {
                throw JilastikException.processing("the project's edge classifier expects " + forest.featureCount()
                        + " features but its feature selection gives " + table.columns().size() + " for these "
                        + "inputs; give inputs with the channels the project was trained on");
            }
            cut = EdgeProbabilities.fromForest(table, forest);
        } else {
            cut = EdgeProbabilities.fromBoundaryMean(rag, boundary);
        }
        int[] u = new int[rag.edgeCount()];
        for (int e = 0; e < u.length; e++) {
            u[e] = rag.u(e);
        }
        double[] w = EdgeWeights.of(cut, u, settings.probabilityThreshold(), settings.beta());
        int[] labels = solver.solve(rag.graph(), w);
        return SegmentationPainter.paint(sp, labels);
    }

    private static void addChannels(List<EdgeFeatures.Channel> out, String role, List<float[]> channels) {
        for (int i = 0; i < channels.size(); i++) {
            out.add(new EdgeFeatures.Channel(channels.size() == 1 ? role : role + "-" + i, channels.get(i)));
        }
    }

    // the sum of the selected probability channels, in float32
    private float[] watershedInput(List<float[]> probabilities, int[] shape) {
        int[] sel = settings.channelSelections();
        if (sel.length == 0) {
            sel = new int[] {0};
        }
        for (int c : sel) {
            if (c < 0 || c >= probabilities.size()) {
                throw JilastikException.processing("the project's watershed uses probability channel " + c
                        + " but the probabilities have " + probabilities.size() + " channels; give the boundary map"
                        + " the project was trained with");
            }
        }
        if (sel.length == 1) {
            return probabilities.get(sel[0]);
        }
        float[] sum = probabilities.get(sel[0]).clone();
        for (int k = 1; k < sel.length; k++) {
            float[] p = probabilities.get(sel[k]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p[i];
            }
        }
        return sum;
    }
}
