package org.jilastik.workflow.objects;

import java.util.concurrent.ExecutorService;

/**
 * From a segmentation of one frame (or region) to classified objects: labelling as the workflow variant
 * requires (connected components, or consecutive relabelling of a label image), object features, feature
 * matrix, forest. Immutable and thread safe.
 */
public final class ObjectPipeline {
    /** How objects are made from the segmentation values. */
    public enum Labelling {
        /** Connected components of equal non-zero values (binary image, thresholded predictions). */
        CONNECTED_COMPONENTS,
        /** The label image relabelled to 1..N in ascending value order. */
        RELABEL
    }

    private final ObjectFeaturePlan plan;
    private final ObjectClassifier classifier;
    private final Labelling labelling;

    /** A pipeline. */
    public ObjectPipeline(ObjectFeaturePlan plan, ObjectClassifier classifier, Labelling labelling) {
        this.plan = plan;
        this.classifier = classifier;
        this.labelling = labelling;
    }

    /** The feature plan. */
    public ObjectFeaturePlan plan() {
        return plan;
    }

    /** The classifier. */
    public ObjectClassifier classifier() {
        return classifier;
    }

    /** The labelling rule. */
    public Labelling labelling() {
        return labelling;
    }

    /**
     * Labels, measures and classifies the objects of one frame held in memory.
     *
     * @param segmentation segmentation values, flat {@code [z][y][x]} (0 = background); not modified
     * @param raw          intensities, flat {@code [z][y][x][c]}
     * @param shape        {@code {z, y, x}}
     * @param pool         threads for the neighbourhood features, or null
     */
    public FrameResult run(int[] segmentation, float[] raw, int channels, int[] shape, ExecutorService pool) {
        int[] labels;
        int count;
        long[] original = null;
        if (labelling == Labelling.RELABEL) {
            ConnectedComponents.Relabelled r = ConnectedComponents.relabelConsecutive(segmentation);
            labels = r.labels();
            count = r.count();
            original = r.originalIds();
        } else {
            ConnectedComponents.Labels l = ConnectedComponents.label(segmentation, shape);
            labels = l.labels();
            count = l.count();
        }
        return classify(FrameAccess.inMemory(labels, raw, channels, shape), labels, count, shape, original, pool);
    }

    /**
     * Labels, measures and classifies the objects of one frame block by block with bounded memory: the labels go
     * to {@code store} (numbering identical to {@link #run}), the features are accumulated over slabs of whole
     * planes (bit-identical to {@link #run}). The result holds no label array; read the labels from the store.
     *
     * @param segmentation segmentation values of any box
     * @param raw          intensities of any box
     * @param store        receives the labels; its shape is the frame's
     * @param labelBlock   block shape {@code {z, y, x}} of the labelling passes
     * @param featureBlock block shape {@code {z, y, x}} of the feature passes
     */
    public FrameResult runBlockwise(BlockwiseLabelling.Values segmentation, FrameAccess.RawReader raw, int channels,
            LabelStore store, int[] labelBlock, int[] featureBlock, ExecutorService pool) {
        BlockwiseLabelling.Result l = labelling == Labelling.RELABEL
                ? BlockwiseLabelling.relabelConsecutive(segmentation, store, labelBlock)
                : BlockwiseLabelling.connectedComponents(segmentation, store, labelBlock);
        return classify(FrameAccess.of(store, raw, channels), null, l.count(), featureBlock, l.originalIds(), pool);
    }

    /**
     * Measures and classifies already labelled objects.
     *
     * @param frame       access to labels and raw data of the frame
     * @param labels      the labels if held in memory (kept in the result), or null
     * @param featureBlock block shape {@code {z, y, x}} of the feature passes
     */
    public FrameResult classify(FrameAccess frame, int[] labels, int count, int[] featureBlock, long[] original,
            ExecutorService pool) {
        ObjectFeatures features = new ObjectFeatureComputer(plan).compute(frame, count, featureBlock, pool);
        float[] probabilities = classifier.predict(classifier.matrix(plan, features), count);
        int[] predicted = classifier.predictedClasses(probabilities, count);
        return new FrameResult(labels, count, features, probabilities, predicted, original);
    }
}
