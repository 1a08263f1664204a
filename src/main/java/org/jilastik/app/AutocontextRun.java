package org.jilastik.app;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ImageSource;
import org.jilastik.project.PixelStage;
import org.jilastik.project.Project;
import org.jilastik.workflow.autocontext.AutocontextExportSource;
import org.jilastik.workflow.autocontext.AutocontextPipeline;
import org.jilastik.workflow.pixel.PixelExportSource;
import org.jilastik.workflow.pixel.TrainedStage;

/**
 * Autocontext for {@link LaneExport}: loads every trained stage once and plans, per lane image, the chain of
 * stages for any tile of the chosen export source. Immutable.
 */
final class AutocontextRun implements LanePipeline.Factory {
    private final List<TrainedStage> stages;

    AutocontextRun(Project project) {
        int expected = project.stages();
        List<PixelStage> stored = project.pixelStages();
        if (stored.size() != expected) {
            throw JilastikException.processing(project.path() + " is a " + expected + "-stage Autocontext project "
                    + "but holds " + stored.size() + " trained stages; open it in ilastik, train every stage and "
                    + "save the project");
        }
        List<TrainedStage> trained = new ArrayList<>();
        for (PixelStage s : stored) {
            trained.add(TrainedStage.of(s));
        }
        this.stages = List.copyOf(trained);
    }

    /** With stages trained (or loaded) by {@link Retraining}, one per stage of the project. */
    AutocontextRun(Project project, List<TrainedStage> trained) {
        if (trained.size() != project.stages()) {
            throw JilastikException.processing(project.path() + " is a " + project.stages() + "-stage Autocontext "
                    + "project but holds " + trained.size() + " stages; open it in ilastik, add the missing stages "
                    + "and save the project");
        }
        this.stages = List.copyOf(trained);
    }

    @Override
    public LanePipeline plan(Axes axes, long[] shape, DType rawDtype, String sourceName) {
        AutocontextPipeline pipeline = AutocontextPipeline.of(stages, axes, shape, rawDtype);
        AutocontextExportSource source = AutocontextExportSource.byName(sourceName, stages.size());
        return new LanePipeline() {
            @Override
            public String sourceName() {
                return source.displayName();
            }

            @Override
            public DType dtype() {
                return pipeline.dtype(source);
            }

            @Override
            public int channels() {
                return pipeline.channels(source);
            }

            @Override
            public Number drangeLow() {
                return PixelClassificationRun.drangeLow(rangeLike(source), rawDtype);
            }

            @Override
            public Number drangeHigh() {
                return PixelClassificationRun.drangeHigh(rangeLike(source), rawDtype);
            }

            @Override
            public long[] tileShape(long workingBytes, long maxEdge) {
                return pipeline.tileShape(workingBytes, maxEdge);
            }

            @Override
            public Block compute(ImageSource image, ImageSource mask, Box box) {
                int c = axes.size() - 1;
                Box rawBox = pipeline.rawBox(source, box);
                Block raw = image.read(rawBox);
                Block maskBlock = mask == null ? null
                        : mask.read(PixelClassificationRun.withChannels(rawBox, c, 0, 1));
                return pipeline.compute(source, raw, box, maskBlock);
            }
        };
    }

    // The pixel source whose data range a source shares: all stages' probabilities are probabilities; a stage's
    // input carries the raw data's range, as its features do (uint8: 0..255, otherwise unknown).
    private static PixelExportSource rangeLike(AutocontextExportSource s) {
        return switch (s.kind()) {
            case ALL_STAGES -> PixelExportSource.PROBABILITIES;
            case INPUT -> PixelExportSource.FEATURES;
            default -> s.kind().pixelSource();
        };
    }
}
