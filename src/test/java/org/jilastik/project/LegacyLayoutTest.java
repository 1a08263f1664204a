package org.jilastik.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Axes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic project in the oldest layout: no {@code Role Names} (the lane group is the Raw Data info), legacy
 * {@code location} instead of {@code __class__}, {@code axisorder} instead of axistags, no ComputeIn2d, no label
 * names (names and colours by default), 5-D {@code txyzc} label blocks.
 */
class LegacyLayoutTest {
    @TempDir
    Path dir;

    @Test
    void readsTheLegacyLayoutIntoTheSameModel() {
        Path p = dir.resolve("legacy.ilp");
        try (WritableHdfFile f = HdfFile.write(p)) {
            f.putDataset("workflowName", "Pixel Classification");
            f.putDataset("ilastikVersion", "1.1.9");
            WritableGroup lane = f.putGroup("Input Data").putGroup("infos").putGroup("lane0000");
            lane.putDataset("location", "FileSystem");
            lane.putDataset("filePath", "/data/movie.h5/volume");
            lane.putDataset("axisorder", "txyzc");
            lane.putDataset("nickname", "movie");
            WritableGroup fs = f.putGroup("FeatureSelections");
            fs.putDataset("FeatureIds", new String[] {"GaussianSmoothing", "LaplacianOfGaussian"});
            fs.putDataset("Scales", new double[] {0.3, 1.0, 3.5});
            fs.putDataset("SelectionMatrix", new int[][] {{1, 0, 1}, {0, 1, 0}});
            WritableGroup labels = f.putGroup("PixelClassification").putGroup("LabelSets").putGroup("labels000");
            // t=1, x=3, y=2, z=1, c=1; values 1..3 along x at y=0, 0 at y=1
            byte[][][][][] block = new byte[1][3][2][1][1];
            for (int x = 0; x < 3; x++) {
                block[0][x][0][0][0] = (byte) (x + 1);
            }
            WritableDataset b = labels.putDataset("block0000", block);
            b.putAttribute("blockSlice", "[4:5,10:13,20:22,0:1,0:1]");
        }
        Project project = ProjectReader.read(p);
        assertThat(project.roleNames()).containsExactly("Raw Data");
        DatasetInfo raw = project.lanes().getFirst().rawData().orElseThrow();
        assertThat(raw.kind()).isEqualTo(DatasetKind.FILESYSTEM);
        assertThat(raw.storedClass()).isNull();
        assertThat(raw.filePath()).isEqualTo("/data/movie.h5/volume");
        assertThat(raw.nickname()).isEqualTo("movie");
        assertThat(raw.axes()).isEqualTo(Axes.of("txyzc"));
        assertThat(raw.infoGroupPath()).isEqualTo("/Input Data/infos/lane0000");
        assertThat(raw.allowLabels()).isTrue();

        var fsel = project.featureSelection().orElseThrow();
        assertThat(fsel.featureIds()).containsExactly("GaussianSmoothing", "LaplacianOfGaussian");
        assertThat(fsel.selected()).isEqualTo(new boolean[][] {{true, false, true}, {false, true, false}});
        assertThat(fsel.computeIn2d()).isNull();

        ClassifierGroup g = project.classifierGroup("PixelClassification").orElseThrow();
        assertThat(g.classifier()).isNull();
        assertThat(g.classes().names()).containsExactly("Label 1", "Label 2", "Label 3");
        assertThat(g.classes().colors()).containsExactly(new int[] {255, 0, 0}, new int[] {0, 255, 0},
                new int[] {0, 0, 255});
        LabelBlock stored = g.storedBlocks(0).getFirst();
        assertThat(stored.axes()).isEqualTo(Axes.of("txyzc"));
        List<LabelBlock> lane = g.blocksInLaneOrder(0, LaneImageOrder.of(raw.axes(), new long[] {9, 30, 40, 1, 1}));
        assertThat(lane).singleElement().satisfies(b -> {
            assertThat(b.axes()).isEqualTo(Axes.of("tyxc"));
            assertThat(b.box().toString()).isEqualTo("[4:5,20:22,10:13,0:1]");
            assertThat(b.data()).containsExactly(1, 2, 3, 0, 0, 0);
        });
    }
}
