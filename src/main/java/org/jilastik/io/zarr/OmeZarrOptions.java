package org.jilastik.io.zarr;

import java.util.Map;

/**
 * How an OME-Zarr image is laid out and described (all per-axis arrays in {@code tczyx} order).
 *
 * @param zarrFormat      2 (OME-NGFF 0.4, what ilastik writes) or 3 (OME-NGFF 0.5)
 * @param multiscale      whether to add the 2× pyramid {@code s1, s2, …} after {@code s0}
 * @param downsample      how a pyramid level summarises the one before
 * @param arrayAttributes attributes of every level's array (ilastik's {@code axistags}, {@code display_mode},
 *                        {@code drange}, {@code axis_units}); JSON values
 * @param pixelSize       physical pixel size per axis; 0 or less means unknown (written as 1.0)
 * @param units           unit per axis, or null / empty for none
 * @param offset          position of the array's origin in the source in pixels (a cutout's start), or null
 * @param creatorName     {@code _creator.name}
 * @param creatorVersion  {@code _creator.version}
 */
public record OmeZarrOptions(int zarrFormat, boolean multiscale, Downsample downsample,
        Map<String, Object> arrayAttributes, double[] pixelSize, String[] units, long[] offset, String creatorName,
        String creatorVersion) {

    /** Plain options: no pixel sizes, units or offset, no array attributes. */
    public static OmeZarrOptions plain(int zarrFormat, boolean multiscale, Downsample downsample) {
        return new OmeZarrOptions(zarrFormat, multiscale, downsample, Map.of(), new double[5], new String[5], null,
                "jilastik", "unknown");
    }
}
