package org.jilastik.io.zarr;

/** The same contract for OME-NGFF 0.5 on Zarr v3 ({@code zarr.json}, {@code c/…} chunk keys). */
class OmeZarrV05ContractTest extends OmeZarrV04ContractTest {
    @Override
    OmeZarrOptions options() {
        return OmeZarrOptions.plain(3, false, Downsample.MEAN);
    }
}
