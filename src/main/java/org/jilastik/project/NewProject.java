package org.jilastik.project;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jilastik.array.DType;
import org.jilastik.features.FeatureSelection;
import org.jilastik.io.hdf5.Hdf5Editor;

/**
 * The content of a new Pixel Classification project, written in the layout ilastik 1.4 writes (spec
 * pixel-classification §1–§4; group, dataset and attribute names, dtypes and string kinds as in the reference
 * projects): {@code Input Data} (one filesystem lane per image), {@code FeatureSelections},
 * {@code PixelClassification} (label names and colours, label blocks, classifier factory and forests) and
 * {@code Prediction Export} (ilastik's defaults). Not written: {@code PixelClassification/Bookmarks} (an opaque
 * pickle of GUI bookmarks; ilastik starts with none when it is absent) and {@code currentApplet} (GUI state).
 *
 * @param ilastikVersion the {@code ilastikVersion} to store (decides how ilastik reads the label axes; ≥ 1.4.0b8
 *                       means lane image order, which is what the blocks use)
 * @param lanes          the training images, in lane order
 * @param features       the feature selection
 * @param classes        label names and colours
 * @param labels         label blocks per lane index, each in its lane's image order with its axes
 * @param forests        the encoded {@code ClassifierForests} group, or null for an untrained project
 * @param factory        the {@code ClassifierFactory} pickle text
 */
public record NewProject(String ilastikVersion, List<NewLane> lanes, FeatureSelection features, LabelClasses classes,
                         Map<Integer, List<LabelBlock>> labels, StoredGroup forests, String factory) {
    /** The version jilastik writes: a released ilastik whose label layout is the lane image order. */
    public static final String ILASTIK_VERSION = "1.4.1";

    /**
     * One lane's raw data, stored as a filesystem dataset info.
     *
     * @param nickname     {@code nickname}
     * @param filePath     {@code filePath}: relative to the project's directory (when {@code relative}) or absolute,
     *                     with the internal path of a container appended ({@code img.h5/data})
     * @param relative     whether {@code filePath} is relative ({@code RelativeFilesystemDatasetInfo})
     * @param axisTagsJson vigra axistags JSON of the raw data's own axes (C-order)
     * @param shape        the raw data's shape in those axes
     */
    public record NewLane(String nickname, String filePath, boolean relative, String axisTagsJson, long[] shape) {
    }

    /** Writes every group into {@code out} (an empty file). */
    void writeTo(Hdf5Editor out) {
        out.writeString("workflowName", "Pixel Classification");
        out.writeString("ilastikVersion", ilastikVersion);
        out.writeString("time", ZonedDateTime.now().format(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
                Locale.ROOT)));
        writeInputData(out);
        writeFeatures(out);
        writeClassification(out);
        out.writeString("Prediction Export/OutputFilenameFormat", "{dataset_dir}/{nickname}_{result_type}");
        out.writeString("Prediction Export/OutputFormat", "hdf5");
        out.writeString("Prediction Export/OutputInternalPath", "exported_data");
        out.writeUtf8String("Prediction Export/StorageVersion", "0.1");
    }

    private void writeInputData(Hdf5Editor out) {
        out.writeStrings("Input Data/Role Names", List.of("Raw Data", "Prediction Mask"));
        out.writeUtf8String("Input Data/StorageVersion", "0.2");
        out.createGroup("Input Data/local_data");
        out.createGroup("Input Data/infos");
        for (int i = 0; i < lanes.size(); i++) {
            NewLane lane = lanes.get(i);
            String g = "Input Data/infos/lane%04d".formatted(i);
            out.createGroup(g + "/Prediction Mask");
            String r = g + "/Raw Data";
            out.writeString(r + "/__class__", lane.relative() ? "RelativeFilesystemDatasetInfo"
                    : "FilesystemDatasetInfo");
            out.writeBools(r + "/allowLabels", null, new boolean[] {true});
            out.writeString(r + "/axis_units", "null");
            out.writeString(r + "/axistags", lane.axisTagsJson());
            out.writeString(r + "/datasetId", UUID.randomUUID().toString());
            out.writeString(r + "/display_mode", "default");
            out.writeString(r + "/filePath", lane.filePath());
            out.writeString(r + "/location", "FileSystem");
            out.writeString(r + "/nickname", lane.nickname());
            out.writeBools(r + "/normalizeDisplay", null, new boolean[] {false});
            out.writeBools(r + "/scale_locked", null, new boolean[] {false});
            out.writeNumeric(r + "/shape", DType.INT64, new long[] {lane.shape().length}, lane.shape().clone(), 0);
            out.writeString(r + "/working_scale", "");
        }
    }

    private void writeFeatures(Hdf5Editor out) {
        String g = "FeatureSelections";
        int rows = features.featureIds().size();
        int cols = features.scales().length;
        boolean[] matrix = new boolean[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                matrix[i * cols + j] = features.selected()[i][j];
            }
        }
        boolean[] in2d = features.computeIn2d() == null ? new boolean[cols] : features.computeIn2d();
        out.writeBools(g + "/ComputeIn2d", new long[] {cols}, in2d);
        out.writeStrings(g + "/FeatureIds", features.featureIds());
        out.writeNumeric(g + "/Scales", DType.FLOAT64, new long[] {cols}, features.scales().clone(), 0);
        out.writeBools(g + "/SelectionMatrix", new long[] {rows, cols}, matrix);
        out.writeUtf8String(g + "/StorageVersion", "0.1");
    }

    private void writeClassification(Hdf5Editor out) {
        String g = "PixelClassification";
        int n = classes.count();
        out.writeStrings(g + "/LabelNames", classes.names());
        out.setBoolAttribute(g + "/LabelNames", "isEmpty", n == 0);
        writeColors(out, g + "/LabelColors", classes.colors());
        writeColors(out, g + "/PmapColors", classes.pmapColors());
        out.createGroup(g + "/LabelSets");
        for (int lane = 0; lane < lanes.size(); lane++) {
            String set = g + "/LabelSets/labels%03d".formatted(lane);
            out.createGroup(set);
            List<LabelBlock> blocks = labels.getOrDefault(lane, List.of());
            for (int b = 0; b < blocks.size(); b++) {
                LabelBlock block = blocks.get(b);
                String path = set + "/block%04d".formatted(b);
                out.writeNumeric(path, DType.UINT8, block.box().shape(), block.data(), 0);
                out.setAsciiStringAttribute(path, "blockSlice", blockSlice(block));
                out.setStringAttribute(path, "axistags", laneAxisTags(block));
            }
        }
        out.writeString(g + "/" + ProjectWriter.CLASSIFIER_FACTORY, factory);
        if (forests != null) {
            StoredGroupWriter.write(out, g + "/" + ProjectWriter.CLASSIFIER_FORESTS, forests);
        }
        out.writeUtf8String(g + "/StorageVersion", "0.1");
    }

    private static void writeColors(Hdf5Editor out, String path, List<int[]> colors) {
        long[] flat = new long[colors.size() * 3];
        for (int i = 0; i < colors.size(); i++) {
            for (int k = 0; k < 3; k++) {
                flat[i * 3 + k] = colors.get(i)[k];
            }
        }
        out.writeNumeric(path, DType.INT64, new long[] {colors.size(), 3}, flat, 0);
        out.setBoolAttribute(path, "isEmpty", colors.isEmpty());
    }

    /** ilastik's {@code blockSlice} text, e.g. {@code [3:141,259:361,0:1]}. */
    static String blockSlice(LabelBlock block) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < block.box().ndim(); k++) {
            parts.add(block.box().start(k) + ":" + block.box().stop(k));
        }
        return "[" + String.join(",", parts) + "]";
    }

    // vigra axistags JSON of the block's axes (c = channels, t = time, others space), resolutions 0.
    private static String laneAxisTags(LabelBlock block) {
        StringBuilder b = new StringBuilder("{\n  \"axes\": [");
        for (int i = 0; i < block.axes().size(); i++) {
            char key = block.axes().get(i);
            int flags = key == 'c' ? 1 : key == 't' ? 8 : 2;
            b.append(i == 0 ? "\n" : ",\n").append("    {\n").append("      \"key\": \"").append(key)
                    .append("\",\n").append("      \"typeFlags\": ").append(flags).append(",\n")
                    .append("      \"resolution\": 0,\n").append("      \"description\": \"\"\n").append("    }");
        }
        return b.append("\n  ]\n}").toString();
    }
}
