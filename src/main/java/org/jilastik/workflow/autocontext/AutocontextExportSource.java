package org.jilastik.workflow.autocontext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jilastik.array.DType;
import org.jilastik.workflow.pixel.PixelExportSource;

/**
 * One export source of an Autocontext project (spec autocontext §4): a per-stage source ({@code "Probabilities
 * Stage 2"}, {@code "Input Stage 1"}, ...) or {@code "Probabilities All Stages"}.
 *
 * <p>ilastik lists them from the last stage backwards, six per stage, then the all-stages entry; the first entry
 * (the last stage's probabilities) is the default. Immutable.
 *
 * @param kind  what is exported
 * @param stage the 1-based stage it comes from; the stage count for {@link Kind#ALL_STAGES}
 */
public record AutocontextExportSource(Kind kind, int stage) {
    /** ilastik's headless documentation spells the all-stages source this way; accepted as a synonym. */
    public static final String ALL_STAGES_MISSPELLED = "Propabilities All Stages";

    /** What a source holds. The first five are Pixel Classification's sources of one stage. */
    public enum Kind {
        PROBABILITIES("Probabilities", PixelExportSource.PROBABILITIES),
        SIMPLE_SEGMENTATION("Simple Segmentation", PixelExportSource.SIMPLE_SEGMENTATION),
        UNCERTAINTY("Uncertainty", PixelExportSource.UNCERTAINTY),
        FEATURES("Features", PixelExportSource.FEATURES),
        LABELS("Labels", PixelExportSource.LABELS),
        /** The stage's input image: the raw data for stage 1, raw + previous probabilities for later stages. */
        INPUT("Input", null),
        /** Every stage's probabilities, stage 1 first, concatenated along channels. */
        ALL_STAGES("Probabilities All Stages", null);

        private final String prefix;
        private final PixelExportSource pixelSource;

        Kind(String prefix, PixelExportSource pixelSource) {
            this.prefix = prefix;
            this.pixelSource = pixelSource;
        }

        /** The same source of a single Pixel Classification stage, or null for {@code INPUT} and {@code ALL_STAGES}. */
        public PixelExportSource pixelSource() {
            return pixelSource;
        }
    }

    private static final List<Kind> PER_STAGE = List.of(Kind.PROBABILITIES, Kind.SIMPLE_SEGMENTATION,
            Kind.UNCERTAINTY, Kind.FEATURES, Kind.LABELS, Kind.INPUT);

    /** ilastik's display name, used for {@code {result_type}}. */
    public String displayName() {
        return kind == Kind.ALL_STAGES ? kind.prefix : kind.prefix + " Stage " + stage;
    }

    /**
     * dtype of the source before export conversion.
     *
     * @param raw the dtype of the raw data (the dtype of every stage's input)
     */
    public DType dtype(DType raw) {
        return switch (kind) {
            case INPUT -> raw;
            case ALL_STAGES -> DType.FLOAT32;
            default -> kind.pixelSource.dtype();
        };
    }

    /** The sources of a project with {@code stages} stages, in ilastik's order. */
    public static List<AutocontextExportSource> all(int stages) {
        List<AutocontextExportSource> out = new ArrayList<>();
        for (int s = stages; s >= 1; s--) {
            for (Kind k : PER_STAGE) {
                out.add(new AutocontextExportSource(k, s));
            }
        }
        out.add(new AutocontextExportSource(Kind.ALL_STAGES, stages));
        return out;
    }

    /**
     * The source named {@code name} (case-insensitive, surrounding spaces ignored; the misspelling
     * {@value #ALL_STAGES_MISSPELLED} is accepted), or the default (the last stage's probabilities) for null.
     *
     * @throws IllegalArgumentException when no source of a {@code stages}-stage project has that name
     */
    public static AutocontextExportSource byName(String name, int stages) {
        List<AutocontextExportSource> all = all(stages);
        if (name == null) {
            return all.getFirst();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals(ALL_STAGES_MISSPELLED.toLowerCase(Locale.ROOT))) {
            return all.getLast();
        }
        for (AutocontextExportSource s : all) {
            if (s.displayName().toLowerCase(Locale.ROOT).equals(n)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown autocontext export source " + name);
    }
}
