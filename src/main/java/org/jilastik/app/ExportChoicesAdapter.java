package org.jilastik.app;

import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.export.ExistingOutput;
import org.jilastik.export.ExportChoices;
import org.jilastik.project.ExportSettings;

/**
 * Turns the command line's export flags and the project's stored export settings into the two
 * {@link ExportChoices} layers that {@link org.jilastik.export.ExportPlanner} merges (CLI over project over
 * defaults). Stateless.
 */
public final class ExportChoicesAdapter {
    private ExportChoicesAdapter() {
    }

    /** The flags given on the command line ({@code null} fields stay unset). */
    public static ExportChoices fromCli(ExportOptions o) {
        if (o == null) {
            return ExportChoices.NONE;
        }
        boolean ranges = o.pipelineResultDrange() != null && o.exportDrange() != null; // ilastik: both or none
        return new ExportChoices(o.outputFormat(), o.outputFilenameFormat(), o.outputInternalPath(),
                o.cutoutSubregion() == null ? null : o.cutoutSubregion().start(),
                o.cutoutSubregion() == null ? null : o.cutoutSubregion().stop(),
                ranges ? o.pipelineResultDrange().low() : null, ranges ? o.pipelineResultDrange().high() : null,
                ranges ? o.exportDrange().low() : null, ranges ? o.exportDrange().high() : null,
                o.exportDtype(), o.outputAxisOrder())
                .withExtras(o.cutoutSubregion() == null ? null : o.cutoutSubregion().axes(), o.clip() ? true : null,
                        o.overwrite() == null ? null : o.overwrite() ? ExistingOutput.REPLACE : ExistingOutput.REFUSE);
    }

    /**
     * The settings stored in the project; {@code -1} region entries mean "None". Stored range bounds are read
     * as floats (the model keeps them as doubles).
     *
     * @throws JilastikException (usage) for a stored export dtype that is not a NumPy type name
     */
    public static ExportChoices fromProject(ExportSettings s) {
        if (s == null) {
            return ExportChoices.NONE;
        }
        DType dtype = null;
        if (s.exportDtype() != null) {
            try {
                dtype = DType.fromNumpyName(s.exportDtype());
            } catch (IllegalArgumentException e) {
                throw JilastikException.usage("the project stores the export dtype \"" + s.exportDtype()
                        + "\", which is not a NumPy type; give --export_dtype explicitly");
            }
        }
        return new ExportChoices(s.outputFormat(), s.outputFilenameFormat(), s.outputInternalPath(),
                region(s.regionStart()), region(s.regionStop()), s.inputMin(), s.inputMax(), s.exportMin(),
                s.exportMax(), dtype, s.outputAxisOrder());
    }

    private static Long[] region(long[] stored) {
        if (stored == null) {
            return null;
        }
        Long[] out = new Long[stored.length];
        for (int i = 0; i < stored.length; i++) {
            out[i] = stored[i] == -1 ? null : stored[i];
        }
        return out;
    }
}
