package org.jilastik.workflow.multicut;

/**
 * The stored settings of ilastik's DT Watershed applet (group {@code DT Watershed}, spec multicut §3).
 *
 * @param channels   probability channels summed into the watershed input ({@code ChannelSelections})
 * @param threshold  boundary threshold ({@code Threshold}); pixels strictly above are boundary
 * @param minSize    superpixels with fewer pixels are removed and regrown ({@code MinSize})
 * @param sigma      Gaussian σ (pixels) for the distance transform and the height map ({@code Sigma}); 0 = none
 * @param alpha      weight of the smoothed input in the height map ({@code Alpha})
 * @param pitch      pixel pitch per spatial axis in C order (z, y, x or y, x), or an empty array (isotropic)
 * @param blockwise  {@code BlockwiseWatershed}: 512²/128³ blocks with a 10-pixel halo, else one whole-image pass
 */
public record WatershedSettings(int[] channels, double threshold, int minSize, double sigma, double alpha,
                                double[] pitch, boolean blockwise) {
}
