package org.jilastik.workflow.pixel;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.features.FeatureComputer;
import org.jilastik.features.FeaturePlan;
import org.jilastik.forest.TrainingSet;
import org.jilastik.project.LabelBlock;

/**
 * Collects training samples as ilastik does (spec pixel-classification §3.2): every pixel with a label value in
 * {@code 1..classCount} gives one sample, the feature vector of all feature channels at that pixel and the label
 * value. Features are computed only over the stored label blocks (each with its feature halo), cut into pieces of
 * at most {@value #MAX_PIECE_PIXELS} pixels, and pieces without labels are skipped, so the cost follows the labelled
 * area, not the image.
 *
 * <p>Samples are appended lane by lane, block by block, pixel by pixel in C-order. Not thread safe: one collector
 * per training run.
 */
public final class LabelSamples {
    /** Largest piece of a label block whose features are computed at once (bounds memory to pixels × channels). */
    public static final int MAX_PIECE_PIXELS = 1 << 18;

    private final int channels;
    private final int classCount;
    private final List<String> featureNames;
    private float[] features = new float[1024];
    private int[] labels = new int[64];
    private int count;

    /**
     * @param featureNames the names of the feature channels (every lane must give this many)
     * @param classCount   the number of label classes (label values above it are ignored, as ilastik does)
     */
    public LabelSamples(List<String> featureNames, int classCount) {
        this.channels = featureNames.size();
        this.classCount = classCount;
        this.featureNames = List.copyOf(featureNames);
    }

    /**
     * Adds the labelled pixels of one lane.
     *
     * @param plan   the lane's feature plan (pipeline axes {@code (t)(z)yxc})
     * @param blocks the lane's label blocks in lane image order (the plan's axes, channel extent 1)
     * @param input  gives the stage input (pipeline axes, all channels) covering {@code plan.inputBox(box)} for an
     *               output box
     * @throws org.jilastik.error.JilastikException when a block cannot be expressed in the plan's axes
     */
    public void addLane(FeaturePlan plan, List<LabelBlock> blocks, Function<Box, Block> input) {
        if (plan.channelCount() != channels) {
            throw org.jilastik.error.JilastikException.processing("a training image gives " + plan.channelCount()
                    + " feature channels but another gives " + channels + "; all training images need the same "
                    + "number of channels");
        }
        FeatureComputer computer = new FeatureComputer(plan);
        Axes axes = plan.axes();
        int c = axes.indexOf('c');
        Box image = Box.ofShape(plan.imageShape());
        for (LabelBlock stored : blocks) {
            LabelBlock block = stored.toAxes(axes);
            long[] s = block.box().start();
            long[] e = block.box().stop();
            s[c] = 0;
            e[c] = plan.imageShape()[c];
            Box clipped = new Box(s, e).intersect(image);
            if (clipped == null || clipped.isEmpty()) {
                continue;
            }
            for (Box piece : pieces(clipped, c)) {
                addPiece(computer, block, piece, c, input);
            }
        }
    }

    private void addPiece(FeatureComputer computer, LabelBlock block, Box piece, int c, Function<Box, Block> input) {
        int n = piece.ndim();
        int[] pieceShape = piece.intShape();
        pieceShape[c] = 1;
        int[] blockShape = block.box().intShape();
        int[] blockStrides = Block.stridesOf(blockShape);
        int pixels = 1;
        for (int v : pieceShape) {
            pixels *= v;
        }
        // label value per pixel of the piece (C-order, channel extent 1), read from the block
        int[] values = new int[pixels];
        int[] idx = new int[n];
        boolean any = false;
        for (int p = 0; p < pixels; p++) {
            int offset = 0;
            for (int k = 0; k < n; k++) {
                if (k != c) {
                    offset += (int) (piece.start(k) + idx[k] - block.box().start(k)) * blockStrides[k];
                }
            }
            int v = block.data()[offset] & 0xff;
            values[p] = v >= 1 && v <= classCount ? v : 0;
            any |= values[p] != 0;
            for (int k = n - 1; k >= 0; k--) {
                if (++idx[k] < pieceShape[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        if (!any) {
            return;
        }
        float[] f = computer.compute(input.apply(computer.plan().inputBox(piece)), piece);
        for (int p = 0; p < pixels; p++) {
            if (values[p] != 0) {
                add(f, p * channels, values[p]);
            }
        }
    }

    // The box cut along its slowest non-channel axis of extent > 1 into pieces of at most MAX_PIECE_PIXELS.
    static List<Box> pieces(Box box, int c) {
        long pixels = box.numElements() / box.size(c);
        if (pixels <= MAX_PIECE_PIXELS) {
            return List.of(box);
        }
        int axis = -1;
        for (int k = 0; k < box.ndim() && axis < 0; k++) {
            if (k != c && box.size(k) > 1) {
                axis = k;
            }
        }
        long per = pixels / box.size(axis);
        long step = Math.max(1, MAX_PIECE_PIXELS / per);
        java.util.ArrayList<Box> out = new java.util.ArrayList<>();
        for (long a = box.start(axis); a < box.stop(axis); a += step) {
            long[] s = box.start();
            long[] e = box.stop();
            s[axis] = a;
            e[axis] = Math.min(box.stop(axis), a + step);
            Box part = new Box(s, e);
            out.addAll(part.numElements() / part.size(c) > MAX_PIECE_PIXELS && step == 1 ? pieces(part, c)
                    : List.of(part));
        }
        return out;
    }

    private void add(float[] f, int offset, int label) {
        if ((long) (count + 1) * channels > features.length) {
            features = Arrays.copyOf(features, Math.toIntExact(Math.max((long) features.length * 2,
                    (long) (count + 1) * channels)));
        }
        if (count == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        System.arraycopy(f, offset, features, count * channels, channels);
        labels[count++] = label;
    }

    /** Number of samples collected so far. */
    public int count() {
        return count;
    }

    /** The collected samples as a training set (label values mapped to ascending class columns). */
    public TrainingSet toTrainingSet() {
        return TrainingSet.of(Arrays.copyOf(features, count * channels), channels, Arrays.copyOf(labels, count),
                featureNames);
    }
}
